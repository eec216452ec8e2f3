// Adapter for a lock vendor that speaks our generic REST shape. The simulated vendor
// (party/locksim) implements it; a real vendor gets its own adapter file next to this one.
import { INTERNAL_AUTH_HEADER } from "../../shared/protocol/internal";
import { LockProviderError, type LockPin, type LockProvider, type PinRequest } from "./provider";

const TIMEOUT_MS = 10_000;

export function vendorHttpProvider(baseUrl: string, apiKey: string): LockProvider {
  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { "content-type": "application/json", [INTERNAL_AUTH_HEADER]: apiKey },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new LockProviderError(`Lock service unreachable: ${(err as Error).message}`, true);
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => "");
    const transient = res.status >= 500 || res.status === 429 || res.status === 408;
    throw new LockProviderError(`Lock service answered ${res.status}: ${text.slice(0, 200)}`, transient);
  }

  return {
    async createPin(request: PinRequest): Promise<LockPin> {
      const res = await call(`/${encodeURIComponent(request.lockId)}/pins`, { method: "POST", body: JSON.stringify(request) });
      return (await res.json()) as LockPin;
    },
    async deletePin(lockId: string, pinId: string): Promise<void> {
      try {
        await call(`/${encodeURIComponent(lockId)}/pins/${encodeURIComponent(pinId)}`, { method: "DELETE" });
      } catch (err) {
        // Already gone is what we wanted.
        if (err instanceof LockProviderError && /answered 404/.test(err.message)) return;
        throw err;
      }
    },
    async findPins(lockId: string, label: string): Promise<LockPin[]> {
      const res = await call(`/${encodeURIComponent(lockId)}/pins?label=${encodeURIComponent(label)}`);
      return (await res.json()) as LockPin[];
    },
  };
}
