// The check-in session as a state machine: every change a guest, the PIN task or
// staff can make is an event, and `applyEvent` is the only way state changes. It
// does no I/O; the checkin room persists the result, announces it and carries out
// the returned effects.
import type {
  PinStatus,
  PublicSessionState,
  RejectionCode,
  ReservationSummary,
  SessionErrorCode,
  SessionLocks,
  SessionStart,
} from "./checkin-types";
import type { DeviceType } from "./device-type";
import type { DetailsInput, GuestDetails, ParkingDetails, ParkingInput } from "./guest-details";
import type { Language } from "./languages";
import type { EditableStep, StepName } from "./steps";
import { validateDetails, validateParking, type FieldErrors } from "./guest-details";
import { LOCK_SIDES, lockIdOf, mergeSides, planFollow, type StayChange } from "./booking-change";
import { isManualLockId, manualSides, smartSides } from "./manual-lock";
import {
  observe,
  sentStatus,
  startTracking,
  type LockCodeTracking,
  type LockObservation,
  type LockSide,
} from "./lock-code-tracking";

export interface PinState {
  status: PinStatus;
  /** Attempts in the current run; reset when staff retry. */
  attempts: number;
  /** Guest-facing reason of the last final failure. */
  error: string | null;
  /** What went wrong technically, for staff on the board; never shown to guests. */
  failureDetail: string | null;
  /** Chosen once per session so a retried attempt re-creates the same code, never a second one. */
  code: string | null;
  frontDoorPinId: string | null;
  roomPinId: string | null;
  /** When the alarm should make the next attempt; null when nothing is scheduled. */
  nextAttemptAt: number | null;
  /** Set by staff who typed the code on the keypad; such PINs are not ours to delete. */
  manual: boolean;
  /**
   * Whether an attempt has ever begun for this session (in any run). Until one has, no
   * PIN of ours can be on a lock, so the first attempt need not look for one.
   */
  vendorContacted: boolean;
}

export interface CheckinState {
  /** The stored shape's version; see checkin-state-migrations.ts. */
  format: 2;
  sessionId: string;
  reservationId: string;
  reservation: ReservationSummary;
  locks: SessionLocks;
  deviceType: DeviceType;
  step: StepName;
  /** Where to return after staff clear a PIN failure. */
  stepBeforeError: StepName | null;
  /** Funnel: the highest step the guest has completed (1 = booking found … 4 = pressed Confirm). */
  stepReached: number;
  details: GuestDetails | null;
  parking: ParkingDetails | null;
  pin: PinState;
  confirmPending: boolean;
  stayToken: string | null;
  error: string | null;
  errorCode: SessionErrorCode | null;
  startedAt: number;
  updatedAt: number;
  lastGuestActivityAt: number;
  completedAt: number | null;
  /** PINs on locks that must go (expired session, lost race, replaced by a manual code); the alarm removes them. */
  pinsToDelete: LockPinRef[];
  /** When to try removing them again after the vendor failed. */
  cleanupRetryAt: number | null;
  /** Whether each lock has confirmed the code; absent before the codes were sent and in older stored states. */
  lockCodes?: LockCodeTracking | null;
  /** Bumped on every change; lets listeners discard stale copies. */
  version: number;
  /** The guest's language once a device has said it (absent in states stored before it existed). */
  language?: Language | null;
  /** Door codes catching up with a booking changed after check-in; absent or null when there is nothing to do. */
  follow?: FollowState | null;
  /** The booking was cancelled after check-in; its codes are deleted and it takes no further change. */
  cancelled?: boolean;
}

/**
 * The work a booking change left for the locks, persisted so a crash resumes it: codes to
 * make on new locks, windows to move, and the guest row to bring in line.
 */
export interface FollowState {
  create: LockSide[];
  update: LockSide[];
  /** Bumped by every booking change, so news from a run started before the latest change is dropped. */
  round: number;
  attempts: number;
  /** When the alarm should (re)try; null after giving up. */
  nextAttemptAt: number | null;
  /** Why the last try gave up, for staff; never shown to guests. */
  error: string | null;
}

export interface LockPinRef {
  lockId: string;
  pinId: string;
}

export type FlowEvent =
  | { type: "details"; details: DetailsInput }
  | { type: "parking"; parking: ParkingInput }
  | { type: "edit"; step: EditableStep }
  | { type: "confirm" }
  | { type: "language"; language: Language }
  | { type: "pin-attempt-started"; leaseUntil: number }
  /** The room woke in a fresh process: no attempt can still be running, so one is due now. */
  | { type: "resumed"; now: number }
  | { type: "pin-progress"; frontDoorPinId?: string; roomPinId?: string }
  /** The locks' rules refuse the session's code; only possible before any PIN exists. */
  | { type: "pin-code-chosen"; code: string }
  | { type: "pin-attempt-failed"; retryAt: number }
  /** `pollMs`: how soon to ask the locks whether they have the code, if no webhook says so first. */
  | { type: "pin-ready"; pollMs?: number }
  /** Lock code states from a webhook or a poll; `nextPoll` replaces the polling schedule after a poll. */
  | { type: "lock-codes-observed"; observations: LockObservation[]; tracking?: LockCodeTracking }
  | { type: "pin-failed"; reason: string; detail: string }
  | { type: "retry-pins"; now: number }
  | { type: "manual-pin"; pin: string }
  | { type: "completed"; stayToken: string }
  | { type: "lost-race"; reason: string }
  | { type: "expired" }
  /** A newer lookup of the booking replaced this ended or failed session: its codes go, now. */
  | { type: "superseded" }
  | { type: "pin-deleted"; pinId: string }
  | { type: "pin-cleanup-failed"; retryAt: number }
  /** Staff changed the checked-in booking's room, dates or times: the codes follow from the alarm. */
  | { type: "stay-changed"; change: StayChange }
  /** Staff cancelled the checked-in booking: its codes go. */
  | { type: "booking-cancelled" }
  /** Staff issue the guest a brand-new code (the old one does not work at the door): the locks follow. */
  | { type: "new-code"; code: string }
  | { type: "follow-attempt-started"; leaseUntil: number }
  /** The new lock refuses the stay's code: every lock gets this one instead. */
  | { type: "follow-code-chosen"; code: string; round: number }
  /** One lock caught up: a code made on it (`pinId`) or its window moved (`updated`). */
  | { type: "follow-progress"; round: number; side: LockSide; pinId?: string; updated?: true; pollMs?: number }
  | { type: "follow-attempt-failed"; retryAt: number }
  | { type: "follow-failed"; detail: string }
  /** Every lock and the guest row are in line with the booking. */
  | { type: "follow-done"; round: number };

/** Write the guest to the database and link the reservation. */
export type FlowEffect = { kind: "complete" };

export type FlowResult =
  | { ok: true; state: CheckinState; effects: FlowEffect[] }
  | { ok: false; code: RejectionCode; message: string; fields?: FieldErrors };

const FINISHED: ReadonlySet<StepName> = new Set(["completed", "expired"]);

export function initialState(init: SessionStart, code: string, now: number): CheckinState {
  return {
    format: 2,
    sessionId: init.sessionId,
    reservationId: init.reservationId,
    reservation: init.reservation,
    locks: init.locks,
    deviceType: init.deviceType,
    step: "details",
    stepBeforeError: null,
    stepReached: 1,
    details: null,
    parking: null,
    pin: {
      status: "idle",
      attempts: 0,
      error: null,
      failureDetail: null,
      code,
      frontDoorPinId: null,
      roomPinId: null,
      nextAttemptAt: null,
      manual: false,
      vendorContacted: false,
    },
    confirmPending: false,
    stayToken: null,
    error: null,
    errorCode: null,
    startedAt: now,
    updatedAt: now,
    lastGuestActivityAt: now,
    completedAt: null,
    pinsToDelete: [],
    cleanupRetryAt: null,
    version: 1,
  };
}

function reject(code: RejectionCode, message: string, fields?: FieldErrors): FlowResult {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}

function outOfOrder(state: CheckinState, wanted: string): FlowResult {
  return reject("out_of_order", `You can't ${wanted} now: this check-in is at the ${state.step} step.`);
}

export function applyEvent(state: CheckinState, event: FlowEvent, now: number): FlowResult {
  const result = transition(state, event, now);
  if (!result.ok) return result;
  const next = result.state;
  const isGuestEvent =
    event.type === "details" || event.type === "parking" || event.type === "edit" || event.type === "confirm";
  return {
    ok: true,
    effects: result.effects,
    state: {
      ...next,
      updatedAt: now,
      lastGuestActivityAt: isGuestEvent ? now : next.lastGuestActivityAt,
      version: state.version + 1,
    },
  };
}

function transition(state: CheckinState, event: FlowEvent, now: number): FlowResult {
  // The language may change at any point, even on a finished check-in's last page.
  if (event.type === "language") {
    if (state.step === "expired") return reject("out_of_order", "This check-in has expired. Please start again.");
    return { ok: true, state: { ...state, language: event.language }, effects: [] };
  }
  if (FINISHED.has(state.step) && !CLEANUP_EVENTS.has(event.type)) {
    return reject(
      "out_of_order",
      state.step === "completed"
        ? "This check-in is already complete."
        : "This check-in has expired. Please start again.",
    );
  }
  const guestMayEdit = !state.confirmPending && state.step !== "error";

  switch (event.type) {
    case "details": {
      if (!guestMayEdit || !["details", "parking", "confirm"].includes(state.step))
        return outOfOrder(state, "change your details");
      const v = validateDetails(event.details);
      if (!v.ok) return reject("validation", "Check the details you entered", v.fields);
      const startPins = state.pin.status === "idle";
      const pin: PinState = startPins ? { ...state.pin, status: "creating", nextAttemptAt: now } : state.pin;
      return {
        ok: true,
        state: {
          ...state,
          details: v.value,
          // Returning from a "Change" link goes straight back to the summary, as GOV.UK's check-answers pattern does.
          step: state.parking ? "confirm" : "parking",
          stepReached: Math.max(state.stepReached, 2),
          pin,
        },
        effects: [],
      };
    }
    case "parking": {
      if (!guestMayEdit || !["parking", "confirm"].includes(state.step) || !state.details)
        return outOfOrder(state, "give parking details");
      const v = validateParking(event.parking);
      if (!v.ok) return reject("validation", "Check the parking details you entered", v.fields);
      return {
        ok: true,
        state: { ...state, parking: v.value, step: "confirm", stepReached: Math.max(state.stepReached, 3) },
        effects: [],
      };
    }
    case "edit": {
      if (!guestMayEdit || !["parking", "confirm"].includes(state.step)) return outOfOrder(state, "go back");
      if (event.step === "parking" && !state.details) return outOfOrder(state, "go back to parking");
      return { ok: true, state: { ...state, step: event.step }, effects: [] };
    }
    case "confirm": {
      if (state.step !== "confirm" || !state.details || !state.parking) return outOfOrder(state, "confirm");
      const reached = { ...state, stepReached: 4 };
      // A second press (double click, other device) while waiting changes nothing.
      if (state.confirmPending) return { ok: true, state: reached, effects: [] };
      if (state.pin.status === "ready")
        return { ok: true, state: { ...reached, confirmPending: true }, effects: [{ kind: "complete" }] };
      // Still pending: when staff retry or set a PIN, the check-in completes without the guest pressing again.
      if (state.pin.status === "failed")
        return {
          ok: true,
          state: toError({ ...reached, confirmPending: true }, "pin_failed", state.pin.error ?? "Door codes failed"),
          effects: [],
        };
      return { ok: true, state: { ...reached, confirmPending: true }, effects: [] };
    }
    case "pin-attempt-started": {
      if (state.pin.status !== "creating") return outOfOrder(state, "create PINs");
      // The lease is the retry time if this attempt dies with its process before recording an outcome.
      return {
        ok: true,
        state: {
          ...state,
          pin: {
            ...state.pin,
            attempts: state.pin.attempts + 1,
            nextAttemptAt: event.leaseUntil,
            vendorContacted: true,
          },
        },
        effects: [],
      };
    }
    case "resumed": {
      const follow = state.follow?.nextAttemptAt != null ? { ...state.follow, nextAttemptAt: event.now } : state.follow;
      if (state.pin.status !== "creating") return { ok: true, state: { ...state, follow }, effects: [] };
      return { ok: true, state: { ...state, follow, pin: { ...state.pin, nextAttemptAt: event.now } }, effects: [] };
    }
    case "pin-progress": {
      return {
        ok: true,
        state: {
          ...state,
          pin: {
            ...state.pin,
            frontDoorPinId: event.frontDoorPinId ?? state.pin.frontDoorPinId,
            roomPinId: event.roomPinId ?? state.pin.roomPinId,
          },
        },
        effects: [],
      };
    }
    case "lock-codes-observed": {
      const base = event.tracking ?? state.lockCodes;
      if (!base) return { ok: true, state, effects: [] };
      const lockCodes = observe(base, event.observations) ?? base;
      return { ok: true, state: lockCodes === state.lockCodes ? state : { ...state, lockCodes }, effects: [] };
    }
    case "pin-code-chosen": {
      const pinsExist = state.pin.frontDoorPinId !== null || state.pin.roomPinId !== null;
      if (state.pin.status !== "creating" || pinsExist) return outOfOrder(state, "change the door code");
      return { ok: true, state: { ...state, pin: { ...state.pin, code: event.code } }, effects: [] };
    }
    case "pin-attempt-failed": {
      if (state.pin.status !== "creating") return outOfOrder(state, "retry PINs");
      return { ok: true, state: { ...state, pin: { ...state.pin, nextAttemptAt: event.retryAt } }, effects: [] };
    }
    case "pin-ready": {
      if (state.pin.status !== "creating") return outOfOrder(state, "finish PINs");
      const sides: LockSide[] = [];
      if (state.pin.frontDoorPinId) sides.push("frontDoor");
      if (state.pin.roomPinId) sides.push("room");
      const lockCodes =
        event.pollMs === undefined ? null : startTracking(sides, now, event.pollMs, manualSides(state.locks));
      const ready = {
        ...state,
        lockCodes,
        pin: { ...state.pin, status: "ready" as const, error: null, nextAttemptAt: null },
      };
      return { ok: true, state: ready, effects: state.confirmPending ? [{ kind: "complete" }] : [] };
    }
    case "pin-failed": {
      if (state.pin.status !== "creating") return outOfOrder(state, "fail PINs");
      const failed = {
        ...state,
        pin: {
          ...state.pin,
          status: "failed" as const,
          error: event.reason,
          failureDetail: event.detail,
          nextAttemptAt: null,
        },
      };
      // A guest still filling in the form carries on; one waiting on Confirm is told now.
      return {
        ok: true,
        state: state.confirmPending ? toError(failed, "pin_failed", event.reason) : failed,
        effects: [],
      };
    }
    case "retry-pins": {
      if (state.pin.status !== "failed")
        return reject("out_of_order", "PINs can only be retried after they have failed.");
      return {
        ok: true,
        state: {
          ...leaveError(state),
          pin: {
            ...state.pin,
            status: "creating",
            attempts: 0,
            error: null,
            failureDetail: null,
            nextAttemptAt: event.now,
          },
        },
        effects: [],
      };
    }
    case "manual-pin": {
      if (state.pin.status === "ready") return reject("out_of_order", "This session already has working PINs.");
      // PINs the provider made in an unfinished run are replaced by the keypad code.
      const next = {
        ...withPinsRemoved(leaveError(state)),
        pin: {
          ...state.pin,
          status: "ready" as const,
          code: event.pin,
          manual: true,
          error: null,
          failureDetail: null,
          nextAttemptAt: null,
          frontDoorPinId: null,
          roomPinId: null,
        },
      };
      return { ok: true, state: next, effects: state.confirmPending ? [{ kind: "complete" }] : [] };
    }
    case "completed": {
      if (!state.confirmPending) return outOfOrder(state, "complete");
      return {
        ok: true,
        state: {
          ...state,
          step: "completed",
          stayToken: event.stayToken,
          confirmPending: false,
          completedAt: now,
          stepReached: 4,
        },
        effects: [],
      };
    }
    case "lost-race": {
      return {
        ok: true,
        state: {
          ...withPinsRemoved(state),
          step: "error",
          stepBeforeError: null,
          confirmPending: false,
          error: event.reason,
          errorCode: "checked_in_elsewhere",
        },
        effects: [],
      };
    }
    case "expired": {
      const cleaned = withPinsRemoved(state);
      return {
        ok: true,
        state: { ...cleaned, step: "expired", confirmPending: false, pin: { ...cleaned.pin, nextAttemptAt: null } },
        effects: [],
      };
    }
    case "superseded": {
      const cleaned = withPinsRemoved(state);
      // Not "creating" any more, so a PIN attempt still awaiting the vendor removes what it made.
      const pin = { ...cleaned.pin, status: cleaned.pin.status === "creating" ? "idle" : cleaned.pin.status };
      return {
        ok: true,
        state: { ...cleaned, step: "expired", confirmPending: false, pin: { ...pin, nextAttemptAt: null } },
        effects: [],
      };
    }
    case "pin-deleted": {
      const pinsToDelete = state.pinsToDelete.filter((p) => p.pinId !== event.pinId);
      return {
        ok: true,
        state: { ...state, pinsToDelete, cleanupRetryAt: pinsToDelete.length ? state.cleanupRetryAt : null },
        effects: [],
      };
    }
    case "pin-cleanup-failed": {
      return { ok: true, state: { ...state, cleanupRetryAt: event.retryAt }, effects: [] };
    }
    default:
      return followTransition(state, event, now);
  }
}

type FollowEvent = Extract<
  FlowEvent,
  {
    type:
      | "stay-changed"
      | "booking-cancelled"
      | "new-code"
      | "follow-attempt-started"
      | "follow-code-chosen"
      | "follow-progress"
      | "follow-attempt-failed"
      | "follow-failed"
      | "follow-done";
  }
>;

const PIN_FIELD = { frontDoor: "frontDoorPinId", room: "roomPinId" } as const;

/** A booking changed after check-in, and the door codes catching up with it. */
function followTransition(state: CheckinState, event: FollowEvent, now: number): FlowResult {
  const follow = state.follow ?? null;
  switch (event.type) {
    case "stay-changed": {
      if (state.cancelled) return reject("out_of_order", "This booking is cancelled.");
      if (state.step !== "completed") return reject("out_of_order", "This guest has not finished checking in.");
      const plan = planFollow({ reservation: state.reservation, locks: state.locks }, event.change);
      const moved: CheckinState = {
        ...state,
        reservation: { ...state.reservation, ...event.change.reservation },
        locks: event.change.locks,
      };
      const sameStay = plan.move.length === 0 && !plan.windowChanged;
      if (sameStay && state.reservation.roomName === event.change.reservation.roomName && !follow)
        return { ok: true, state, effects: [] };
      // Codes staff typed on a keypad are not ours to move: only the guest row follows.
      const ours = state.pin.status === "ready" && !state.pin.manual;
      const pin = { ...state.pin };
      const pinsToDelete = [...state.pinsToDelete];
      let lockCodes = state.lockCodes ?? null;
      for (const side of ours ? plan.move : []) {
        const pinId = pin[PIN_FIELD[side]];
        if (pinId) pinsToDelete.push({ lockId: lockIdOf(state.locks, side), pinId });
        pin[PIN_FIELD[side]] = null;
        // A manual lock holds its code already: nothing to make, nothing to confirm.
        const manual = isManualLockId(lockIdOf(event.change.locks, side));
        if (lockCodes) lockCodes = { ...lockCodes, [side]: manual ? { state: "set" as const, at: now } : null };
      }
      const create = ours
        ? mergeSides(follow?.create ?? [], plan.move).filter((s) => !isManualLockId(lockIdOf(event.change.locks, s)))
        : [];
      const update = ours
        ? mergeSides(follow?.update ?? [], plan.update).filter((s) => !create.includes(s) && pin[PIN_FIELD[s]])
        : [];
      return {
        ok: true,
        state: {
          ...moved,
          pin,
          pinsToDelete,
          cleanupRetryAt: pinsToDelete.length > state.pinsToDelete.length ? null : state.cleanupRetryAt,
          lockCodes,
          follow: { create, update, round: (follow?.round ?? 0) + 1, attempts: 0, nextAttemptAt: now, error: null },
        },
        effects: [],
      };
    }
    case "booking-cancelled": {
      // Told twice (a retried request): already done.
      if (state.cancelled) return { ok: true, state, effects: [] };
      if (state.step !== "completed") return reject("out_of_order", "This guest has not finished checking in.");
      const removed = withPinsRemoved(state);
      return {
        ok: true,
        state: {
          ...removed,
          cancelled: true,
          follow: {
            create: [],
            update: [],
            round: (follow?.round ?? 0) + 1,
            attempts: 0,
            nextAttemptAt: now,
            error: null,
          },
        },
        effects: [],
      };
    }
    case "new-code": {
      if (state.cancelled) return reject("out_of_order", "This booking is cancelled.");
      if (state.step !== "completed") return reject("out_of_order", "This guest has not finished checking in.");
      if (state.pin.status !== "ready" || state.pin.manual)
        return reject("out_of_order", "This stay's code was typed on the keypad by staff; change it there.");
      if (event.code === state.pin.code) return reject("out_of_order", "That is the code the guest has already.");
      // The old digits leave every lock before the new ones are made, as when a move needs new digits.
      const removed = withPinsRemoved(state);
      return {
        ok: true,
        state: {
          ...removed,
          pin: { ...removed.pin, code: event.code },
          follow: {
            create: [...LOCK_SIDES],
            update: [],
            round: (follow?.round ?? 0) + 1,
            attempts: 0,
            nextAttemptAt: now,
            error: null,
          },
        },
        effects: [],
      };
    }
    case "follow-done": {
      if (follow && follow.round !== event.round) return { ok: true, state, effects: [] };
      if (!follow || follow.create.length > 0 || follow.update.length > 0)
        return outOfOrder(state, "finish moving codes");
      return { ok: true, state: { ...state, follow: null }, effects: [] };
    }
  }
  // The remaining events report on work in progress; a cancelled booking's follow is only the guest row.
  if (!follow) return outOfOrder(state, "move door codes");
  switch (event.type) {
    case "follow-attempt-started":
      return {
        ok: true,
        state: { ...state, follow: { ...follow, attempts: follow.attempts + 1, nextAttemptAt: event.leaseUntil } },
        effects: [],
      };
    case "follow-attempt-failed":
      return { ok: true, state: { ...state, follow: { ...follow, nextAttemptAt: event.retryAt } }, effects: [] };
    case "follow-failed":
      return {
        ok: true,
        state: { ...state, follow: { ...follow, nextAttemptAt: null, error: event.detail } },
        effects: [],
      };
    case "follow-code-chosen": {
      if (follow.round !== event.round) return { ok: true, state, effects: [] };
      // New digits for every lock: codes already made with the old ones go, and are made again.
      const pin = { ...state.pin, code: event.code };
      const pinsToDelete = [...state.pinsToDelete];
      for (const side of LOCK_SIDES) {
        const pinId = pin[PIN_FIELD[side]];
        if (pinId) pinsToDelete.push({ lockId: lockIdOf(state.locks, side), pinId });
        pin[PIN_FIELD[side]] = null;
      }
      return {
        ok: true,
        state: {
          ...state,
          pin,
          pinsToDelete,
          cleanupRetryAt: null,
          lockCodes: null,
          follow: { ...follow, create: smartSides(state.locks), update: [] },
        },
        effects: [],
      };
    }
    case "follow-progress": {
      const { side } = event;
      // A run that began before the latest change: its code still counts (the new round will find and reuse it).
      if (follow.round !== event.round) return { ok: true, state, effects: [] };
      if (event.updated) {
        return {
          ok: true,
          state: { ...state, follow: { ...follow, update: follow.update.filter((s) => s !== side) } },
          effects: [],
        };
      }
      if (!event.pinId) return outOfOrder(state, "record a door code");
      const base = state.lockCodes ?? (event.pollMs === undefined ? null : startTracking([], now, event.pollMs));
      const lockCodes = base && {
        ...base,
        [side]: sentStatus(now),
        nextPollAt: event.pollMs === undefined ? base.nextPollAt : now + event.pollMs,
        polls: 0,
        since: now,
      };
      return {
        ok: true,
        state: {
          ...state,
          pin: { ...state.pin, [PIN_FIELD[side]]: event.pinId },
          lockCodes,
          follow: { ...follow, create: follow.create.filter((s) => s !== side) },
        },
        effects: [],
      };
    }
  }
}

/** Events a finished session still takes: PIN clean-up, and the locks confirming (or losing) the guest's code. */
const CLEANUP_EVENTS: ReadonlySet<FlowEvent["type"]> = new Set([
  "pin-progress",
  "pin-deleted",
  "pin-cleanup-failed",
  "resumed",
  "lock-codes-observed",
  "stay-changed",
  "booking-cancelled",
  "new-code",
  "follow-attempt-started",
  "follow-code-chosen",
  "follow-progress",
  "follow-attempt-failed",
  "follow-failed",
  "follow-done",
  "superseded",
]);

/** Moves the session's provider-made PINs onto the to-delete list. Keypad codes staff typed are not ours to remove. */
function withPinsRemoved(state: CheckinState): CheckinState {
  if (state.pin.manual) return state;
  const owned: LockPinRef[] = [];
  if (state.pin.frontDoorPinId) owned.push({ lockId: state.locks.frontDoorLockId, pinId: state.pin.frontDoorPinId });
  if (state.pin.roomPinId) owned.push({ lockId: state.locks.roomLockId, pinId: state.pin.roomPinId });
  return {
    ...state,
    pinsToDelete: [...state.pinsToDelete, ...owned],
    cleanupRetryAt: null,
    lockCodes: null,
    pin: { ...state.pin, frontDoorPinId: null, roomPinId: null },
  };
}

function toError(state: CheckinState, code: SessionErrorCode, reason: string): CheckinState {
  return { ...state, stepBeforeError: state.step, step: "error", error: reason, errorCode: code };
}

function leaveError(state: CheckinState): CheckinState {
  if (state.step !== "error") return state;
  return { ...state, step: state.stepBeforeError ?? "confirm", stepBeforeError: null, error: null, errorCode: null };
}

/** How soon a confirmed check-in whose guest write failed (or never finished) is written again. */
export const COMPLETION_RETRY_MS = 2_000;

/**
 * When the room's alarm must next run: PIN clean-up, a PIN attempt, finishing a
 * confirmed check-in (armed from the moment it is due, so a hung guest write or a room
 * that dies mid-way is finished by the alarm), or abandonment. Null: nothing to do.
 */
export function nextWakeUp(state: CheckinState, expiryMs: number, now: number): number | null {
  const times: number[] = [];
  if (state.pinsToDelete.length > 0) times.push(state.cleanupRetryAt ?? now);
  if (state.lockCodes?.nextPollAt) times.push(state.lockCodes.nextPollAt);
  if (state.follow?.nextAttemptAt != null) times.push(state.follow.nextAttemptAt);
  if (!FINISHED.has(state.step)) {
    times.push(state.lastGuestActivityAt + expiryMs);
    if (state.pin.status === "creating" && state.pin.nextAttemptAt !== null) times.push(state.pin.nextAttemptAt);
    if (state.confirmPending && state.pin.status === "ready") times.push(now + COMPLETION_RETRY_MS);
  }
  return times.length ? Math.min(...times) : null;
}

export function isExpired(state: CheckinState, expiryMs: number, now: number): boolean {
  // A PIN run in flight finishes (or fails) first, so its PINs are known and can be removed.
  return !FINISHED.has(state.step) && state.pin.status !== "creating" && now >= state.lastGuestActivityAt + expiryMs;
}

/**
 * Whether a new lookup of the booking should join this session rather than replace it:
 * not finished, not idle past the expiry, and not failed (its PINs or the race to check in).
 */
export function isResumable(state: CheckinState, expiryMs: number, now: number): boolean {
  if (FINISHED.has(state.step) || now >= state.lastGuestActivityAt + expiryMs) return false;
  return state.pin.status !== "failed" && state.errorCode !== "checked_in_elsewhere";
}

/** What guests' devices are allowed to see: no lock ids, no PIN before completion. */
export function toPublicState(state: CheckinState): PublicSessionState {
  return {
    sessionId: state.sessionId,
    step: state.step,
    reservation: state.reservation,
    details: state.details,
    parking: state.parking,
    pin: {
      status: state.pin.status,
      attempts: state.pin.attempts,
      error: state.pin.error,
      ...(state.lockCodes
        ? { locks: { frontDoor: state.lockCodes.frontDoor?.state ?? null, room: state.lockCodes.room?.state ?? null } }
        : {}),
    },
    confirmPending: state.confirmPending,
    stayToken: state.stayToken,
    error: state.error,
    errorCode: state.errorCode,
    language: state.language ?? null,
  };
}
