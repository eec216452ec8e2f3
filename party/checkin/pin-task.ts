// One attempt at putting the guest's PIN on the front-door and room locks, run from
// the room's alarm. Each lock's PIN id is persisted the moment it exists, and every
// PIN carries the session as its label, so a retry — or a room restarted mid-attempt —
// finds and reuses what is already on the lock instead of creating a second code.
import type { CheckinState, FlowEvent } from "../../domain/checkin-flow";
import { decideRetry, type PinRetryPolicy } from "../../domain/pin-retry-policy";
import { pinWindow } from "../../domain/pin-window";
import { LockProviderError, type LockProvider } from "../locks/provider";

export interface PinTaskDeps {
  current(): CheckinState;
  dispatch(event: FlowEvent): Promise<boolean>;
  provider: LockProvider;
  policy: PinRetryPolicy;
  now(): number;
  random(): number;
}

/** Longer than the vendor timeout times the calls in one attempt, so a live attempt is never overlapped. */
export const PIN_ATTEMPT_LEASE_MS = 60_000;

export const pinLabel = (sessionId: string) => `frontdoor:${sessionId}`;

/** The PIN run was taken over (staff set a code by hand, or the session ended) while we awaited the vendor. */
const superseded = (state: CheckinState) => state.pin.status !== "creating" || state.pin.manual;

export async function runPinAttempt(deps: PinTaskDeps): Promise<void> {
  // A create sent by an earlier attempt may have landed though its answer was lost.
  // Before any attempt nothing can be there, which spares the first attempt two calls.
  const mayHavePins = deps.current().pin.vendorContacted !== false;
  if (!(await deps.dispatch({ type: "pin-attempt-started", leaseUntil: deps.now() + PIN_ATTEMPT_LEASE_MS }))) return;
  const start = deps.current();
  const code = start.pin.code;
  if (!code) throw new Error("Session has no PIN code chosen");
  const window = pinWindow({ ...start.reservation, ...start.locks });
  const label = pinLabel(start.sessionId);
  const targets = [
    { lockId: start.locks.frontDoorLockId, field: "frontDoorPinId" as const },
    { lockId: start.locks.roomLockId, field: "roomPinId" as const },
  ];

  try {
    for (const { lockId, field } of targets) {
      if (deps.current().pin[field]) continue;
      const existing = mayHavePins ? await deps.provider.findPins(lockId, label) : [];
      const pin = existing[0] ?? (await deps.provider.createPin({ lockId, code, label, startsAt: window.startsAt, endsAt: window.endsAt }));
      // A vendor that lost a response may hold more than one; keep the first, remove the rest.
      for (const extra of existing.slice(1)) await deps.provider.deletePin(lockId, extra.pinId);
      if (superseded(deps.current())) {
        await deps.provider.deletePin(lockId, pin.pinId);
        return;
      }
      await deps.dispatch({ type: "pin-progress", [field]: pin.pinId });
    }
    await deps.dispatch({ type: "pin-ready" });
  } catch (err) {
    if (superseded(deps.current())) return;
    const transient = err instanceof LockProviderError ? err.transient : true;
    const message = err instanceof Error ? err.message : String(err);
    const decision = decideRetry(deps.policy, deps.current().pin.attempts, { transient, message }, deps.random());
    if (decision.retry) {
      await deps.dispatch({ type: "pin-attempt-failed", retryAt: deps.now() + decision.delayMs });
    } else {
      console.warn(`[checkin] PIN creation failed for good after ${deps.current().pin.attempts} attempts: ${message}`);
      await deps.dispatch({
        type: "pin-failed",
        reason: "We couldn't set up your door code. The front desk has been told and can fix it.",
        detail: `${decision.reason} (last error: ${message.slice(0, 200)})`,
      });
    }
  }
}

/** How long to wait before trying again to remove PINs: a few seconds, or less when the retry policy is tighter (tests). */
export const cleanupRetryDelayMs = (policy: PinRetryPolicy) => Math.min(5_000, policy.maxDelayMs);

/** Removes PINs queued for deletion, one by one, persisting each success. */
export async function deleteQueuedPins(deps: Omit<PinTaskDeps, "random">): Promise<void> {
  for (const pin of deps.current().pinsToDelete) {
    try {
      await deps.provider.deletePin(pin.lockId, pin.pinId);
      await deps.dispatch({ type: "pin-deleted", pinId: pin.pinId });
    } catch (err) {
      console.warn(`[checkin] could not remove a PIN yet: ${(err as Error).message}`);
      await deps.dispatch({ type: "pin-cleanup-failed", retryAt: deps.now() + cleanupRetryDelayMs(deps.policy) });
      return;
    }
  }
}
