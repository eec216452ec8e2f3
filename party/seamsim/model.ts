// The simulated Seam workspace's records and how they move with time, without I/O: the
// room stores them and sends the events this returns as webhooks. A code goes
// `setting` -> `set` after the device's delay, unless the device is offline (it waits),
// stuck (it stays `setting` with Seam's delay warning) or set to fail (it gets Seam's
// `failed_to_set_on_device` error after `failAfterMs`).
export type CodeOutcome = "set" | "stuck" | "fail_later";

export interface SimDevice {
  device_id: string;
  name: string;
  online: boolean;
  battery_level: number;
  supported_code_lengths: number[];
  code_constraints: { constraint_type: string }[];
  code_outcome: CodeOutcome;
  fail_after_ms: number;
  /** Events about this device's codes are recorded but never delivered: a webhook lost on the way. */
  drop_webhooks: boolean;
  /** A slow hub or lock maker's cloud: creating a code on this device takes this much longer. */
  create_delay_ms?: number;
}

export interface SimIssue {
  error_code?: string;
  warning_code?: string;
  message: string;
  created_at: string;
}

export interface SimCode {
  access_code_id: string;
  device_id: string;
  name: string | null;
  code: string;
  common_code_key: string | null;
  type: "time_bound" | "ongoing";
  status: "setting" | "set";
  starts_at: string | null;
  ends_at: string | null;
  errors: SimIssue[];
  warnings: SimIssue[];
  created_at: string;
  /** When the device next does something with this code; null once it has settled for good. */
  due_at: number | null;
  /** A code handed out from the device's backup pool (backup-pool.ts). */
  is_backup?: boolean;
  /** The backup handed out for this code, once one was pulled. */
  pulled_backup_access_code_id?: string | null;
}

export interface SimEvent {
  event_type: string;
  device_id: string;
  access_code_id?: string;
  battery_level?: number;
}

export function newDevice(deviceId: string): SimDevice {
  return {
    device_id: deviceId,
    name: `Simulated lock ${deviceId}`,
    online: true,
    battery_level: 0.9,
    supported_code_lengths: [4, 5, 6, 7, 8],
    code_constraints: [],
    code_outcome: "set",
    fail_after_ms: 120_000,
    drop_webhooks: false,
  };
}

/** The first thing a device will do with a new (or re-connected) code, and when. */
export function dueAt(device: SimDevice, now: number, setDelayMs: number): number | null {
  if (!device.online) return null;
  return device.code_outcome === "fail_later" ? now + device.fail_after_ms : now + setDelayMs;
}

/** Applies what has become due by `now`; returns the changed code and the events it raises. */
export function settle(code: SimCode, device: SimDevice, now: number): { code: SimCode; events: SimEvent[] } {
  if (code.due_at === null || code.due_at > now || code.status !== "setting") return { code, events: [] };
  const at = new Date(now).toISOString();
  const ids = { device_id: code.device_id, access_code_id: code.access_code_id };
  if (!device.online) return { code: { ...code, due_at: null }, events: [] };
  switch (device.code_outcome) {
    case "set":
      return {
        code: { ...code, status: "set", due_at: null },
        events: [{ event_type: "access_code.set_on_device", ...ids }],
      };
    case "stuck": {
      const warning = {
        warning_code: "delay_in_setting_on_device",
        message: "Delay in setting code on device.",
        created_at: at,
      };
      return {
        code: { ...code, warnings: [...code.warnings, warning], due_at: null },
        events: [{ event_type: "access_code.delay_in_setting_on_device", ...ids }],
      };
    }
    case "fail_later": {
      const error = { error_code: "failed_to_set_on_device", message: "Failed to set code on device.", created_at: at };
      return {
        code: { ...code, errors: [...code.errors, error], due_at: null },
        events: [{ event_type: "access_code.failed_to_set_on_device", ...ids }],
      };
    }
  }
}

/** What Seam lists for a code; `is_managed` and the scheduling flags as Seam documents them. */
export function publicCode(code: SimCode, workspaceId: string, backupAvailable = false) {
  const { due_at: _due, ...rest } = code;
  return {
    ...rest,
    workspace_id: workspaceId,
    is_managed: true,
    is_scheduled_on_device: code.status === "set",
    is_waiting_for_code_assignment: false,
    is_backup: code.is_backup ?? false,
    pulled_backup_access_code_id: code.pulled_backup_access_code_id ?? null,
    is_backup_access_code_available: backupAvailable,
    is_external_modification_allowed: false,
    is_one_time_use: false,
    is_offline_access_code: false,
  };
}

export function publicDevice(device: SimDevice, workspaceId: string, supportsBackupPool = false) {
  const errors = device.online
    ? []
    : [
        {
          error_code: "device_offline",
          message: "Device is offline",
          is_device_error: true,
          created_at: new Date().toISOString(),
        },
      ];
  const warnings =
    device.battery_level < 0.2 ? [{ warning_code: "device_has_low_battery", message: "Low battery" }] : [];
  return {
    device_id: device.device_id,
    device_type: "august_lock",
    display_name: device.name,
    workspace_id: workspaceId,
    connected_account_id: "00000000-0000-4000-8000-00000000a11c",
    capabilities_supported: ["access_code", "lock"],
    can_program_online_access_codes: true,
    is_managed: true,
    errors,
    warnings,
    created_at: "2026-01-01T00:00:00.000Z",
    properties: {
      name: device.name,
      online: device.online,
      locked: true,
      battery_level: device.battery_level,
      battery: { level: device.battery_level, status: device.battery_level < 0.2 ? "low" : "good" },
      supported_code_lengths: device.supported_code_lengths,
      code_constraints: device.code_constraints,
      supports_backup_access_code_pool: supportsBackupPool,
      manufacturer: "august",
    },
  };
}
