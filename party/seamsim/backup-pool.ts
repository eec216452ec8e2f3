// Seam's backup access code pool, simulated without I/O: a device whose
// `properties.supports_backup_access_code_pool` is true keeps a few codes already on the
// lock once any code was created with `use_backup_access_code_pool: true`.
// `/access_codes/pull_backup_access_code` hands one out for a time-bound code: named
// "Backup <id> (Seam)", `is_backup`, `set` at once (it is already on the lock, so it works
// while the lock is offline), ending when the original ends; asking again for the same
// code returns the same backup; the pool is refilled after each pull.
import { chooseCommonCode, type CodeConstraints } from "../../domain/pin-constraints";
import type { SimCode } from "./model";

export const DEFAULT_POOL_SIZE = 3;

export interface BackupPool {
  /** `properties.supports_backup_access_code_pool` (a simulator knob; real locks decide it themselves). */
  supported: boolean;
  /** Switched on by the first code created with `use_backup_access_code_pool`; never off again, as Seam says. */
  active: boolean;
  size: number;
  /** Pre-programmed and not yet handed out. */
  codes: { access_code_id: string; code: string; created_at: string }[];
}

export const poolKey = (deviceId: string) => `pool:${deviceId}`;

export function newPool(): BackupPool {
  return { supported: false, active: false, size: DEFAULT_POOL_SIZE, codes: [] };
}

/** An error as Seam's error body carries it. */
export interface PoolError {
  status: number;
  type: string;
  message: string;
}

/** Tops the pool up to its size with codes the lock takes that no other code on it uses. */
export function refill(
  pool: BackupPool,
  constraints: CodeConstraints,
  taken: ReadonlySet<string>,
  now: number,
  random: () => number,
  newId: () => string,
): BackupPool {
  if (!pool.active) return pool;
  const used = new Set([...taken, ...pool.codes.map((c) => c.code)]);
  const codes = [...pool.codes];
  for (let tries = 0; codes.length < pool.size && tries < 50; tries++) {
    const choice = chooseCommonCode(null, [constraints], random);
    if (!choice.ok) break;
    if (used.has(choice.code)) continue;
    used.add(choice.code);
    codes.push({ access_code_id: newId(), code: choice.code, created_at: new Date(now).toISOString() });
  }
  return { ...pool, codes };
}

/** Takes the next backup for `original`; the caller stores both codes and the pool. */
export function pullBackup(
  pool: BackupPool,
  original: SimCode,
  now: number,
): { pool: BackupPool; backup: SimCode; original: SimCode } | PoolError {
  if (original.type !== "time_bound" || !original.ends_at) {
    return {
      status: 400,
      type: "invalid_input",
      message: "Backup access codes can only be pulled for time-bound codes",
    };
  }
  const [next, ...rest] = pool.active ? pool.codes : [];
  // Seam documents `empty_backup_access_code_pool` as the device error for a pool with nothing left.
  if (!next) return { status: 400, type: "empty_backup_access_code_pool", message: "No backup access code available" };
  const name = `Backup ${next.access_code_id} (Seam)`;
  const backup: SimCode = {
    access_code_id: next.access_code_id,
    device_id: original.device_id,
    name,
    code: next.code,
    common_code_key: null,
    type: "time_bound",
    status: "set",
    starts_at: new Date(now).toISOString(),
    ends_at: original.ends_at,
    errors: [],
    warnings: [],
    created_at: next.created_at,
    due_at: null,
    is_backup: true,
  };
  return {
    pool: { ...pool, codes: rest },
    backup,
    original: { ...original, pulled_backup_access_code_id: backup.access_code_id },
  };
}

/** `is_backup_access_code_available` as Seam lists it on a code. */
export function backupAvailable(pool: BackupPool, code: SimCode): boolean {
  return pool.active && !code.is_backup && code.type === "time_bound" && pool.codes.length > 0;
}

export function isPoolError(x: unknown): x is PoolError {
  return typeof x === "object" && x !== null && "type" in x && "status" in x;
}
