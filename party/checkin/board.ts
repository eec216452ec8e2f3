import type { CheckinState } from "../../domain/checkin-flow";
import type { BoardSession } from "../../domain/board";

/** What the front desk sees of a session: no phone, email or PIN. */
export function toBoardSession(state: CheckinState): BoardSession {
  return {
    sessionId: state.sessionId,
    bookingRef: state.reservation.bookingRef,
    guestName: state.details?.fullName ?? null,
    step: state.step,
    deviceType: state.deviceType,
    pinStatus: state.pin.status,
    pinAttempts: state.pin.attempts,
    // Staff need the technical reason to act on; guests get the plain one.
    pinError: state.pin.failureDetail ?? state.pin.error,
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    completedAt: state.completedAt,
    version: state.version,
  };
}
