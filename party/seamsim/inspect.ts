// What tests, benchmarks and the launcher use to look into the Seam simulator and to
// set its failure modes. Reads carry `x-seamsim-inspect`, so counting codes is neither
// slowed nor failed by the simulated network.
import { DEFAULT_SEAMSIM_API_KEY } from "../env";
import { seamSimulatorUrl } from "../locks";

export interface SimListedCode {
  access_code_id: string;
  device_id: string;
  name: string | null;
  code: string;
  status: string;
  starts_at: string | null;
  ends_at: string | null;
  errors: { error_code?: string }[];
  warnings: { warning_code?: string }[];
  created_at: string;
  is_backup?: boolean;
  pulled_backup_access_code_id?: string | null;
}

/** The simulator's key for a stack's variables (its default unless the stack set one). */
export const seamSimKey = (vars: Record<string, string | undefined>) => vars.SEAMSIM_API_KEY ?? DEFAULT_SEAMSIM_API_KEY;

export async function seamSimCall(baseUrl: string, apiKey: string, route: string, body: object): Promise<unknown> {
  const res = await fetch(`${seamSimulatorUrl(baseUrl)}/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, "x-seamsim-inspect": "1" },
    body: JSON.stringify(body),
  });
  const data: unknown = await res.json();
  if (!res.ok) throw new Error(`Seam simulator ${route} answered ${res.status}: ${JSON.stringify(data)}`);
  return data;
}

/** Codes the simulated workspace holds on a lock: all, or one label's (`name` in Seam's terms). */
export async function seamSimCodes(
  baseUrl: string,
  apiKey: string,
  lockId: string,
  label?: string,
): Promise<SimListedCode[]> {
  const { access_codes } = (await seamSimCall(baseUrl, apiKey, "access_codes/list", { device_id: lockId })) as {
    access_codes: SimListedCode[];
  };
  return label === undefined ? access_codes : access_codes.filter((c) => c.name === label);
}

export interface SimDeviceChange {
  online?: boolean;
  battery_level?: number;
  supported_code_lengths?: number[];
  code_constraints?: { constraint_type: string }[];
  code_outcome?: "set" | "stuck" | "fail_later";
  fail_after_ms?: number;
  drop_webhooks?: boolean;
  /** Creating a code on this device takes this much longer (a slow hub). */
  create_delay_ms?: number;
  /** Seam's `properties.supports_backup_access_code_pool`, and how many backups the pool keeps. */
  supports_backup_access_code_pool?: boolean;
  backup_pool_size?: number;
}

export async function configureSimDevice(
  baseUrl: string,
  apiKey: string,
  lockId: string,
  change: SimDeviceChange,
): Promise<void> {
  await seamSimCall(baseUrl, apiKey, "_simulator/devices/configure", { device_id: lockId, ...change });
}

/** Someone removes the code at the lock itself (the maker's app, a reset): Seam reports it gone. */
export async function removeSimCodeFromDevice(baseUrl: string, apiKey: string, accessCodeId: string): Promise<void> {
  await seamSimCall(baseUrl, apiKey, "_simulator/access_codes/remove_from_device", { access_code_id: accessCodeId });
}
