// Following the guest's code onto each lock after it was sent: Seam's webhooks, routed
// here by the main app, and a poll from the alarm for when no webhook arrives.
import { z } from "zod";
import { afterPoll, type LockObservation, type LockSide } from "../../domain/lock-code-tracking";
import type { CheckinState } from "../../domain/checkin-flow";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import type { PinTaskDeps } from "./pin-task";

export const LOCK_EVENT_PATH = "/lock-event";

export const lockEventBody = z.object({
  accessCodeId: z.string().min(1).max(200),
  state: z.enum(["setting", "set", "failed", "removed"]),
  occurredAt: z.number().int(),
});
export type LockEventBody = z.infer<typeof lockEventBody>;

function sideOf(state: CheckinState, pinId: string): LockSide | null {
  if (state.pin.frontDoorPinId === pinId) return "frontDoor";
  if (state.pin.roomPinId === pinId) return "room";
  return null;
}

/** A webhook's news about one code. A code this session does not hold changes nothing. */
export async function applyLockEvent(
  request: Request,
  deps: Pick<PinTaskDeps, "current" | "dispatch">,
): Promise<Response> {
  const body = await readJsonBody(request, lockEventBody);
  if (!body.ok) return body.response;
  const state = deps.current();
  const side = sideOf(state, body.value.accessCodeId);
  // A lock can confirm its code while the session is still sending the codes (even before
  // the room stored that code's id): tracking has not started, so dropping the news would
  // leave that lock "sent" until a poll. A 5xx makes Seam (Svix) deliver it again later.
  if (!state.lockCodes && state.pin.status === "creating")
    return apiErrorResponse(503, "unavailable", "The session is still sending its codes; deliver again later");
  if (!side || !state.lockCodes) return json({ applied: false });
  const before = state.lockCodes;
  if (
    !(await deps.dispatch({
      type: "lock-codes-observed",
      observations: [{ side, state: body.value.state, at: body.value.occurredAt }],
    }))
  ) {
    return apiErrorResponse(409, "out_of_order", "Session cannot take lock events now");
  }
  return json({ applied: deps.current().lockCodes !== before });
}

export const lockPollDue = (state: CheckinState, now: number) => (state.lockCodes?.nextPollAt ?? Infinity) <= now;

/** Asks the lock service where each code is and schedules the next poll, later each time. */
export async function pollLockCodes(deps: PinTaskDeps): Promise<void> {
  const state = deps.current();
  const targets = (["frontDoor", "room"] as const)
    .map((side) => ({ side, pinId: side === "frontDoor" ? state.pin.frontDoorPinId : state.pin.roomPinId }))
    .filter((t): t is { side: LockSide; pinId: string } => t.pinId !== null);
  let observations: LockObservation[] = [];
  const now = deps.now();
  try {
    const states = await deps.provider.pinStates(targets.map((t) => t.pinId));
    observations = targets.map((t) => ({ side: t.side, state: states.get(t.pinId) ?? "removed", at: now }));
  } catch (err) {
    console.warn(`[checkin] could not read lock code states yet: ${(err as Error).message}`);
  }
  const fresh = deps.current().lockCodes;
  if (!fresh) return;
  await deps.dispatch({
    type: "lock-codes-observed",
    observations,
    tracking: afterPoll(fresh, deps.now(), deps.lockPollMs ?? 60_000),
  });
}

/** When the last of the session's locks confirmed the code, once every lock has; else null. */
export function codesConfirmedAt(state: CheckinState): number | null {
  const codes = state.lockCodes;
  if (!codes) return null;
  const sides = [codes.frontDoor, codes.room].filter((s) => s !== null);
  if (sides.length === 0 || sides.some((s) => s.state !== "set")) return null;
  return Math.max(...sides.map((s) => s.at));
}
