// The `seam` lock provider: Seam's HTTP API (https://docs.seam.co) with plain fetch,
// which runs in workerd as it is. Every call is a POST with a JSON body and
// `Authorization: Bearer <key>`; the base URL is Seam's or the local simulator's.
import { z } from "zod";
import { isCodeRule, isUnsupportedRule, type CodeConstraints } from "../../../domain/pin-constraints";
import {
  LockProviderError,
  type LockCodeState,
  type LockDevice,
  type LockPin,
  type LockProvider,
  type PinRequest,
} from "../provider";
import { codeStateOf } from "./code-state";
import { seamHttpError, seamUnreachable } from "./errors";
import {
  accessCodeResponse,
  accessCodesResponse,
  backupAccessCodeResponse,
  deviceResponse,
  devicesResponse,
  seamErrorBody,
  type SeamAccessCode,
  type SeamDevice,
} from "./wire";

export const SEAM_API_URL = "https://connect.getseam.com";
const TIMEOUT_MS = 10_000;
/** Pages followed when listing; a lock holds at most a few hundred codes. */
const MAX_PAGES = 20;
/** Device rules change when someone swaps a lock, not between two guests: look them up again every few minutes. */
const DEVICE_CACHE_MS = 5 * 60_000;
const deviceCache = new Map<string, { device: LockDevice; at: number }>();

export interface SeamOptions {
  baseUrl: string;
  apiKey: string;
  /** Extra headers for every call (the simulator's tests mark counting calls with one). */
  headers?: Record<string, string>;
}

export function seamProvider(options: SeamOptions): LockProvider {
  async function call<T>(path: string, body: object, schema: z.ZodType<T>): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${options.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.apiKey}`, ...options.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw seamUnreachable(err);
    }
    const data: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const error = seamErrorBody.safeParse(data);
      throw seamHttpError(
        res.status,
        error.success ? error.data.error.type : null,
        error.success ? error.data.error.message : "",
      );
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new LockProviderError(`Seam answered ${path} in an unexpected shape`, true);
    return parsed.data;
  }

  async function listCodes(filter: { device_id: string } | { access_code_ids: string[] }): Promise<SeamAccessCode[]> {
    const codes: SeamAccessCode[] = [];
    let cursor: string | null | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await call(
        "/access_codes/list",
        { ...filter, ...(cursor ? { page_cursor: cursor } : {}) },
        accessCodesResponse,
      );
      codes.push(...res.access_codes);
      cursor = res.pagination?.has_next_page ? res.pagination.next_page_cursor : null;
      if (!cursor) break;
    }
    return codes;
  }

  async function getDevice(lockId: string): Promise<LockDevice> {
    const key = `${options.baseUrl} ${lockId}`;
    const cached = deviceCache.get(key);
    if (cached && Date.now() - cached.at < DEVICE_CACHE_MS) return cached.device;
    const { device } = await call("/devices/get", { device_id: lockId }, deviceResponse);
    const mapped = toLockDevice(device);
    deviceCache.set(key, { device: mapped, at: Date.now() });
    return mapped;
  }

  return {
    async createPin(request: PinRequest): Promise<LockPin> {
      const { access_code } = await call(
        "/access_codes/create",
        {
          device_id: request.lockId,
          name: request.label,
          code: request.code,
          // Seam guarantees every code sharing this key has the same digits: one code for the whole stay.
          common_code_key: request.label,
          starts_at: new Date(request.startsAt).toISOString(),
          ends_at: new Date(request.endsAt).toISOString(),
          // Once asked for, Seam keeps the lock's backup pool filled for every later code too.
          ...(request.useBackupPool ? { use_backup_access_code_pool: true } : {}),
        },
        accessCodeResponse,
      );
      return toLockPin(access_code);
    },

    async pullBackupCode(pinId: string): Promise<LockPin> {
      const { backup_access_code } = await call(
        "/access_codes/pull_backup_access_code",
        { access_code_id: pinId },
        backupAccessCodeResponse,
      );
      return toLockPin(backup_access_code);
    },

    async deletePin(lockId: string, pinId: string): Promise<void> {
      try {
        await call("/access_codes/delete", { device_id: lockId, access_code_id: pinId }, seamOk);
      } catch (err) {
        // Already gone is what we wanted.
        if (err instanceof LockProviderError && /access_code_not_found|HTTP 404\b/.test(err.message)) return;
        throw err;
      }
    },

    async findPins(lockId: string, label: string): Promise<LockPin[]> {
      const codes = await listCodes({ device_id: lockId });
      return codes.filter((c) => c.name === label).map(toLockPin);
    },

    async updatePinWindow(pinId: string, startsAt: number, endsAt: number): Promise<void> {
      await call(
        "/access_codes/update",
        { access_code_id: pinId, starts_at: new Date(startsAt).toISOString(), ends_at: new Date(endsAt).toISOString() },
        seamOk,
      );
    },

    async pinStates(pinIds: readonly string[]): Promise<Map<string, LockCodeState>> {
      const states = new Map<string, LockCodeState>(pinIds.map((id) => [id, "removed" as const]));
      if (pinIds.length === 0) return states;
      for (const code of await listCodes({ access_code_ids: [...pinIds] }))
        states.set(code.access_code_id, codeStateOf(code));
      return states;
    },

    async getPins(pinIds: readonly string[]): Promise<LockPin[]> {
      return pinIds.length === 0 ? [] : (await listCodes({ access_code_ids: [...pinIds] })).map(toLockPin);
    },

    getDevice,

    async listDevices(): Promise<LockDevice[]> {
      const devices: LockDevice[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await call("/devices/list", cursor ? { page_cursor: cursor } : {}, devicesResponse);
        devices.push(...res.devices.map(toLockDevice));
        cursor = res.pagination?.has_next_page ? res.pagination.next_page_cursor : null;
        if (!cursor) break;
      }
      return devices;
    },
  };
}

/** Seam's mutations answer `{ ok: true, action_attempt }`; a 2xx is all we rely on. */
const seamOk = z.unknown();

function toLockPin(code: SeamAccessCode): LockPin {
  return {
    pinId: code.access_code_id,
    lockId: code.device_id,
    label: code.name ?? "",
    code: code.code ?? null,
    state: codeStateOf(code),
  };
}

export function toLockDevice(device: SeamDevice): LockDevice {
  const kinds = (device.properties.code_constraints ?? []).map((c) => c.constraint_type);
  const constraints: CodeConstraints = {
    lengths: device.properties.supported_code_lengths ?? [],
    rules: kinds.filter(isCodeRule),
    unsupported: kinds.filter(isUnsupportedRule),
  };
  return {
    lockId: device.device_id,
    name: device.display_name ?? device.properties.name ?? device.device_id,
    online: device.properties.online,
    batteryLevel: device.properties.battery_level ?? null,
    constraints,
    supportsBackupPool: device.properties.supports_backup_access_code_pool === true,
  };
}
