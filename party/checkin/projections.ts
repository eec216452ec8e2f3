// What others see of a check-in session: the board's row, the guest row a completion
// writes, and the funnel row. Pure mappings from the room's state, kept together so a
// new field in the state is one place to look.
import { smartSides } from "../../domain/manual-lock";
import type { FunnelRow, NewGuest } from "../../db/queries/checkin";
import type { GuestStay } from "../../db/queries/guest-stay";
import type { BoardSession, BoardStay } from "../../domain/board";
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
    ...(state.follow !== undefined || state.cancelled ? { stay: boardStay(state) } : {}),
  };
}

function boardStay(state: CheckinState): BoardStay {
  const { roomName, checkInDate, checkOutDate, earlyCheckInTime, lateCheckoutTime } = state.reservation;
  const f = state.follow;
  return {
    roomName,
    checkInDate,
    checkOutDate,
    earlyCheckInTime,
    lateCheckoutTime,
    cancelled: state.cancelled ?? false,
    codes: !f ? "done" : f.nextAttemptAt === null ? "failed" : "moving",
  };
}

/** The session's code opens the smart locks only: a stay behind manual locks alone has no code of its own. */
const smartLockCode = (state: CheckinState) => (smartSides(state.locks).length > 0 ? state.pin.code : null);

/** The guest row's stay and codes as the session now holds them (a cancelled booking has no code). */
export function guestStayOf(state: CheckinState): GuestStay {
  const r = state.reservation;
  return {
    roomId: state.locks.roomId,
    checkInDate: r.checkInDate,
    checkOutDate: r.checkOutDate,
    earlyCheckInTime: r.earlyCheckInTime,
    lateCheckoutTime: r.lateCheckoutTime,
    frontDoorPin: state.cancelled ? null : smartLockCode(state),
    frontDoorPinId: state.pin.frontDoorPinId,
    roomPinId: state.pin.roomPinId,
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
    frontDoorPin: smartLockCode(state),
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
