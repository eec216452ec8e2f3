// One attempt at putting the guest's PIN on the front-door and room locks, run from
// the room's alarm. Each lock's PIN id is persisted the moment it exists, and every
// PIN carries the session as its label, so a retry — or a room restarted mid-attempt —
// finds and reuses what is already on the lock instead of creating a second code.
import type { CheckinState, FlowEvent } from "../../domain/checkin-flow";
import { isManualLockId } from "../../domain/manual-lock";
import { chooseCommonCode } from "../../domain/pin-constraints";
import { decideRetry, type PinRetryPolicy } from "../../domain/pin-retry-policy";
import { pinWindow } from "../../domain/pin-window";
import { LockProviderError, type LockProvider } from "../locks/provider";
import { randomUint32 } from "../random";

export interface PinTaskDeps {
  current(): CheckinState;
  dispatch(event: FlowEvent): Promise<boolean>;
  provider: LockProvider;
  policy: PinRetryPolicy;
  now(): number;
  random(): number;
  /** First wait before polling the locks for confirmation; unset means the codes are not tracked. */
  lockPollMs?: number;
  /** Draws a new code when the locks refuse the session's; crypto.getRandomValues unless a test injects one. */
  randomUint32?: () => number;
}

/** Longer than the vendor timeout times the calls in one attempt, so a live attempt is never overlapped. */
export const PIN_ATTEMPT_LEASE_MS = 60_000;

const LABEL_PREFIX = "frontdoor:";
export const pinLabel = (sessionId: string) => `${LABEL_PREFIX}${sessionId}`;
export const sessionIdFromLabel = (label: string) =>
  label.startsWith(LABEL_PREFIX) ? label.slice(LABEL_PREFIX.length) : null;

/** The PIN run was taken over (staff set a code by hand, or the session ended) while we awaited the vendor. */
const superseded = (state: CheckinState) => state.pin.status !== "creating" || state.pin.manual;

export async function runPinAttempt(deps: PinTaskDeps): Promise<void> {
  // A create sent by an earlier attempt may have landed though its answer was lost.
  // Before any attempt nothing can be there, which spares the first attempt two calls.
  const mayHavePins = deps.current().pin.vendorContacted !== false;
  if (!(await deps.dispatch({ type: "pin-attempt-started", leaseUntil: deps.now() + PIN_ATTEMPT_LEASE_MS }))) return;
  const start = deps.current();
  if (!start.pin.code) throw new Error("Session has no PIN code chosen");
  const window = pinWindow({ ...start.reservation, ...start.locks });
  const label = pinLabel(start.sessionId);
  // A manual lock (key box, keypad) already holds its own code: the lock service never hears of it.
  const targets = [
    { lockId: start.locks.frontDoorLockId, field: "frontDoorPinId" as const },
    { lockId: start.locks.roomLockId, field: "roomPinId" as const },
  ].filter((t) => !isManualLockId(t.lockId));

  try {
    const code = await codeEveryLockAccepts(
      deps,
      targets.map((t) => t.lockId),
    );
    if (code === null) return;
    for (const { lockId, field } of targets) {
      if (deps.current().pin[field]) continue;
      const found = mayHavePins ? await deps.provider.findPins(lockId, label) : [];
      // Ours by label; one with other digits (the code changed before it was confirmed) is not reusable.
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
      // A vendor that lost a response may hold more than one; keep one, remove the rest.
      for (const extra of found.filter((p) => p.pinId !== pin.pinId))
        await deps.provider.deletePin(lockId, extra.pinId);
      if (superseded(deps.current())) {
        await deps.provider.deletePin(lockId, pin.pinId);
        return;
      }
      await deps.dispatch({ type: "pin-progress", [field]: pin.pinId });
    }
    await deps.dispatch({ type: "pin-ready", pollMs: deps.lockPollMs });
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

/**
 * The session's code if every lock accepts its shape, else a new one that they all do,
 * recorded before any lock sees it. Null when no code can fit: the session is failed.
 */
async function codeEveryLockAccepts(deps: PinTaskDeps, lockIds: readonly string[]): Promise<string | null> {
  const current = deps.current().pin;
  // Once a PIN exists its digits are the stay's code; the other lock must take the same.
  if (current.frontDoorPinId || current.roomPinId) return current.code;
  const devices = await Promise.all(lockIds.map((id) => deps.provider.getDevice(id)));
  const choice = chooseCommonCode(
    current.code,
    devices.map((d) => d.constraints),
    deps.randomUint32 ?? randomUint32,
  );
  if (!choice.ok) {
    await deps.dispatch({
      type: "pin-failed",
      reason: "We couldn't set up your door code. The front desk has been told and can fix it.",
      detail: choice.reason,
    });
    return null;
  }
  if (choice.code !== current.code && !(await deps.dispatch({ type: "pin-code-chosen", code: choice.code })))
    return null;
  return choice.code;
}

/**
 * Whether to switch on the lock's own backup-code pool with this code: wherever the lock
 * supports one, so a guest whose code fails gets a backup that is already on the lock.
 * The device was just read for its code rules, so this is normally no extra call.
 */
export async function backupPoolWanted(provider: LockProvider, lockId: string): Promise<boolean> {
  return provider.pullBackupCode !== undefined && (await provider.getDevice(lockId)).supportsBackupPool === true;
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
