// Door codes catching up with a booking changed after check-in, run from the room's
// alarm. Every step is persisted as it lands and each code still carries the session's
// label, so a room killed midway finds what it already made on the new lock and ends
// with exactly one code per lock: old codes are removed before new ones are looked for.
import { lockIdOf } from "../../domain/booking-change";
import { smartSides } from "../../domain/manual-lock";
import type { CheckinState } from "../../domain/checkin-flow";
import { chooseCommonCode } from "../../domain/pin-constraints";
import { decideRetry } from "../../domain/pin-retry-policy";
import { pinWindow } from "../../domain/pin-window";
import { LockProviderError } from "../locks/provider";
import { randomUint32 } from "../random";
import { backupPoolWanted, deleteQueuedPins, pinLabel, PIN_ATTEMPT_LEASE_MS, type PinTaskDeps } from "./pin-task";

export interface FollowTaskDeps extends PinTaskDeps {
  /** Brings the guest row (stay, room, code) in line with the state; idempotent. */
  syncGuestRow(state: CheckinState): Promise<void>;
}

export const followDue = (state: CheckinState, now: number) => (state.follow?.nextAttemptAt ?? Infinity) <= now;

const PIN_FIELD = { frontDoor: "frontDoorPinId", room: "roomPinId" } as const;

export async function runFollow(deps: FollowTaskDeps): Promise<void> {
  if (!(await deps.dispatch({ type: "follow-attempt-started", leaseUntil: deps.now() + PIN_ATTEMPT_LEASE_MS }))) return;
  try {
    await removeOldCodes(deps);
    const follow = deps.current().follow;
    if (!follow) return;
    const { round } = follow;
    if (follow.create.length > 0 && !(await codeFitsNewLocks(deps, round))) return;
    const state = deps.current();
    const window = pinWindow({ ...state.reservation, ...state.locks });
    for (const side of state.follow?.update ?? []) {
      const pinId = state.pin[PIN_FIELD[side]];
      if (pinId) await deps.provider.updatePinWindow(pinId, window.startsAt, window.endsAt);
      await deps.dispatch({ type: "follow-progress", round, side, updated: true });
    }
    const label = pinLabel(state.sessionId);
    const code = deps.current().pin.code;
    for (const side of deps.current().follow?.create ?? []) {
      if (!code) throw new Error("Session has no door code to move");
      const lockId = lockIdOf(state.locks, side);
      const found = await deps.provider.findPins(lockId, label);
      const reusable = found.filter(
        (p) => (p.code === null || p.code === code) && p.state !== "removed" && p.state !== "failed",
      );
      const pin =
        reusable[0] ??
        (await deps.provider.createPin({
          lockId,
          code,
          label,
          startsAt: window.startsAt,
          endsAt: window.endsAt,
          useBackupPool: await backupPoolWanted(deps.provider, lockId),
        }));
      // A reused code may carry the window of an earlier change.
      if (reusable[0]) await deps.provider.updatePinWindow(pin.pinId, window.startsAt, window.endsAt);
      for (const extra of found.filter((p) => p.pinId !== pin.pinId))
        await deps.provider.deletePin(lockId, extra.pinId);
      await deps.dispatch({ type: "follow-progress", round, side, pinId: pin.pinId, pollMs: deps.lockPollMs });
    }
    if (deps.current().follow?.round !== round) return;
    await deps.syncGuestRow(deps.current());
    await deps.dispatch({ type: "follow-done", round });
  } catch (err) {
    const follow = deps.current().follow;
    if (!follow) return;
    const transient = err instanceof LockProviderError ? err.transient : true;
    const message = err instanceof Error ? err.message : String(err);
    const decision = decideRetry(deps.policy, follow.attempts, { transient, message }, deps.random());
    if (decision.retry) {
      await deps.dispatch({ type: "follow-attempt-failed", retryAt: deps.now() + decision.delayMs });
    } else {
      console.warn(`[checkin] moving door codes failed for good after ${follow.attempts} attempts: ${message}`);
      await deps.dispatch({
        type: "follow-failed",
        detail: `${decision.reason} (last error: ${message.slice(0, 200)})`,
      });
    }
  }
}

/** Codes on locks the stay has left must be gone before any is made on the new ones. */
async function removeOldCodes(deps: FollowTaskDeps) {
  if (deps.current().pinsToDelete.length === 0) return;
  await deleteQueuedPins(deps);
  if (deps.current().pinsToDelete.length > 0)
    throw new LockProviderError("An old door code could not be removed yet", true);
}

/**
 * The stay keeps its code when every lock it now opens accepts it; otherwise every lock
 * gets a new one (recorded first, then the old ones removed). False: nothing can fit.
 */
async function codeFitsNewLocks(deps: FollowTaskDeps, round: number): Promise<boolean> {
  const state = deps.current();
  const sides = smartSides(state.locks);
  const devices = await Promise.all(sides.map((side) => deps.provider.getDevice(lockIdOf(state.locks, side))));
  const choice = chooseCommonCode(
    state.pin.code,
    devices.map((d) => d.constraints),
    deps.randomUint32 ?? randomUint32,
  );
  if (!choice.ok) {
    await deps.dispatch({ type: "follow-failed", detail: choice.reason });
    return false;
  }
  if (choice.code === state.pin.code) return true;
  if (!(await deps.dispatch({ type: "follow-code-chosen", code: choice.code, round }))) return false;
  await removeOldCodes(deps);
  return true;
}
