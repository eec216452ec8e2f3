// How long a check-in room keeps what it holds (the guest's name, phone, email, door code)
// once its session is over. A completed check-in's room still serves the lock's webhooks
// and polls until the stay ends, so it is kept until checkout plus the retention time; an
// expired one (abandoned, failed, checked in elsewhere, superseded) for the retention time
// from when it ended. The room wipes itself from its alarm; the database keeps the record.
import { nextWakeUp, type CheckinState } from "./checkin-flow";
import { pinWindow } from "./pin-window";

/** When the room may delete everything it stores; null while the session is still live. */
export function roomWipeAt(state: CheckinState, retentionMs: number): number | null {
  if (state.step === "completed") return stayEndsAt(state) + retentionMs;
  if (state.step === "expired") return state.updatedAt + retentionMs;
  return null;
}

/** Codes still queued for deletion from the locks keep the room (and its alarm) alive until they are gone. */
export function isRoomWipeDue(state: CheckinState, retentionMs: number, now: number): boolean {
  const at = roomWipeAt(state, retentionMs);
  return at !== null && at <= now && state.pinsToDelete.length === 0;
}

/** The room's next alarm: the session's own work, or the wipe, whichever comes first. */
export function roomWakeUp(state: CheckinState, expiryMs: number, retentionMs: number, now: number): number | null {
  const work = nextWakeUp(state, expiryMs, now);
  const wipe = roomWipeAt(state, retentionMs);
  if (wipe === null) return work;
  return work === null ? wipe : Math.min(work, wipe);
}

function stayEndsAt(state: CheckinState): number {
  try {
    return pinWindow({ ...state.reservation, ...state.locks }).endsAt;
  } catch {
    // A stay whose dates no longer make sense (edited by hand) is kept as if it ended at completion.
    return state.completedAt ?? state.updatedAt;
  }
}
