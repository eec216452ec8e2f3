// What others see of a check-in session: the board's row, the guest row a completion
// writes, and the funnel row. Pure mappings from the room's state, kept together so a
// new field in the state is one place to look.
import type { FunnelRow, NewGuest } from "../../db/queries/checkin";
import type { BoardSession } from "../../domain/board";
import type { CheckinState } from "../../domain/checkin-flow";

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
    ...(state.lockCodes
      ? { locks: { frontDoor: state.lockCodes.frontDoor?.state ?? null, room: state.lockCodes.room?.state ?? null } }
      : {}),
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    completedAt: state.completedAt,
    language: state.language ?? null,
    version: state.version,
  };
}

/** The ids and time a completion adds to the state. */
export interface GuestRowIds {
  id: string;
  secureToken: string;
  createdAt: number;
}

/** The guest a confirmed session becomes; null until it has all a guest needs. */
export function toGuestRow(state: CheckinState, ids: GuestRowIds): NewGuest | null {
  const { details, parking, reservation, pin } = state;
  if (!details || !parking || !pin.code) return null;
  return {
    ...ids,
    sessionId: state.sessionId,
    reservationId: state.reservationId,
    bookingRef: reservation.bookingRef,
    fullName: details.fullName,
    phoneE164: details.phoneE164,
    email: details.email,
    checkInDate: reservation.checkInDate,
    checkOutDate: reservation.checkOutDate,
    roomId: state.locks.roomId,
    carRegistration: parking.registration,
    earlyCheckInTime: reservation.earlyCheckInTime,
    lateCheckoutTime: reservation.lateCheckoutTime,
    frontDoorPin: pin.code,
    frontDoorPinId: pin.frontDoorPinId,
    roomPinId: pin.roomPinId,
    funnel: {
      propertyId: reservation.propertyId,
      deviceType: state.deviceType,
      startedAt: state.startedAt,
      language: state.language ?? null,
    },
  };
}

/** The session's funnel row as the room knows it now. */
export function toFunnelRow(state: CheckinState): FunnelRow {
  return {
    sessionId: state.sessionId,
    bookingRef: state.reservation.bookingRef,
    propertyId: state.reservation.propertyId,
    deviceType: state.deviceType,
    startedAt: state.startedAt,
    stepReached: state.stepReached,
    completed: state.step === "completed",
    completedAt: state.completedAt,
    language: state.language ?? null,
  };
}
