// The one interface every smart-lock service is reached through. A PIN is labelled
// with something we choose (the check-in session), so after a crash or a retry we
// can find what we already created instead of creating a second live code.
import type { LockCodeState } from "../../domain/lock-code-tracking";
import type { CodeConstraints } from "../../domain/pin-constraints";

export interface PinRequest {
  lockId: string;
  code: string;
  label: string;
  startsAt: number; // epoch ms
  endsAt: number;
  /** Ask the service to keep a pool of pre-programmed backup codes on this lock (only where the lock supports it). */
  useBackupPool?: boolean;
}

/**
 * Where a code is on its way to the device: `setting` was accepted by the service but
 * not yet confirmed by the lock; `set` is confirmed on the lock; `failed` will not
 * reach it; `removed` is no longer on it (deleted, or removed by someone else).
 */
export type { LockCodeState };

export interface LockPin {
  pinId: string;
  lockId: string;
  label: string;
  /** The digits, where the service reveals them; null when it does not. */
  code: string | null;
  state: LockCodeState;
}

export interface LockDevice {
  lockId: string;
  name: string;
  online: boolean;
  /** 0..1, null when the lock does not report it. */
  batteryLevel: number | null;
  constraints: CodeConstraints;
  /** The service keeps a pool of backup codes already on the lock, one of which it can hand out at once. */
  supportsBackupPool?: boolean;
}

export interface LockProvider {
  createPin(request: PinRequest): Promise<LockPin>;
  deletePin(lockId: string, pinId: string): Promise<void>;
  findPins(lockId: string, label: string): Promise<LockPin[]>;
  /** Moves a code's validity window, e.g. when a stay is extended. */
  updatePinWindow(pinId: string, startsAt: number, endsAt: number): Promise<void>;
  /** Current states of codes by id; a code the service no longer knows is `removed`. */
  pinStates(pinIds: readonly string[]): Promise<Map<string, LockCodeState>>;
  /** The codes the service still knows among these ids. */
  getPins(pinIds: readonly string[]): Promise<LockPin[]>;
  getDevice(lockId: string): Promise<LockDevice>;
  listDevices(): Promise<LockDevice[]>;
  /**
   * A backup code from the lock's own pre-programmed pool for the stay of this code (same end
   * time); asking again for the same code gives the same backup. Absent where the service has none.
   */
  pullBackupCode?(pinId: string): Promise<LockPin>;
}

/** `transient` failures are worth retrying (timeouts, 5xx, rate limits, an offline lock); others are not. */
export class LockProviderError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "LockProviderError";
  }
}
