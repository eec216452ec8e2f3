// The vocabulary of a check-in session that the state machine, the rooms and the wire
// formats share. Plain types: shared/protocol/* checks its schemas against these.
import type { DeviceType } from "./device-type";
import type { GuestDetails, ParkingDetails } from "./guest-details";
import type { Language } from "./languages";
import type { LockCodeState } from "./lock-code-tracking";
import type { StepName } from "./steps";

export const PIN_STATUSES = ["idle", "creating", "ready", "failed"] as const;
export type PinStatus = (typeof PIN_STATUSES)[number];

/** Why a session is in the error step; the client picks the words and the way forward. */
export const SESSION_ERROR_CODES = ["pin_failed", "checked_in_elsewhere"] as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

/** Why the state machine refused an event; nothing changed. */
export type RejectionCode = "validation" | "out_of_order";

export interface ReservationSummary {
  bookingRef: string;
  propertyId: string;
  propertyName: string;
  propertyPhone: string;
  /** ISO 3166-1 alpha-2 of the property: the phone field's default region. */
  propertyCountry?: string;
  roomName: string;
  checkInDate: string;
  checkOutDate: string;
  earlyCheckInTime: string | null;
  lateCheckoutTime: string | null;
}

/** The locks a session's PIN opens and the property times that bound it. */
export interface SessionLocks {
  roomId: string;
  frontDoorLockId: string;
  roomLockId: string;
  timeZone: string;
  standardCheckInTime: string;
  standardCheckoutTime: string;
}

/** What a new session starts from: the booking found at lookup. */
export interface SessionStart {
  sessionId: string;
  reservationId: string;
  reservation: ReservationSummary;
  locks: SessionLocks;
  deviceType: DeviceType;
}

/** What guests' devices (and staff acting on a session) are allowed to see. */
export interface PublicSessionState {
  sessionId: string;
  step: StepName;
  reservation: ReservationSummary;
  details: GuestDetails | null;
  parking: ParkingDetails | null;
  pin: {
    status: PinStatus;
    attempts: number;
    error: string | null;
    /** Per lock, once the codes were sent: `setting` is "sent to the lock", `set` is "confirmed on the lock". */
    locks?: { frontDoor: LockCodeState | null; room: LockCodeState | null };
  };
  /** The guest pressed Confirm while PINs were still being made; completion follows the PIN push. */
  confirmPending: boolean;
  stayToken: string | null;
  /** English description for logs and developers; guests are shown `errorCode` in their language. */
  error: string | null;
  errorCode: SessionErrorCode | null;
  /** The guest's language, once a device has said it; null before. */
  language: Language | null;
}
