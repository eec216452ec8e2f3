// Server-to-server: parties calling each other, authenticated with INTERNAL_SECRET.
import { z } from "zod/mini";
import type { StayChange } from "../../domain/booking-change";
import type { SessionStart } from "../../domain/checkin-types";
import { deviceType, int, type Same } from "./common";
import { boardSession } from "./board-socket";
import { reservationSummary } from "./session-state";

export const INTERNAL_AUTH_HEADER = "x-frontdoor-internal";

/** A check-in room's change for its property's frontdesk room, POSTed when the board feed socket cannot take it. */
export const boardChange = z.object({ type: z.literal("session"), session: boardSession });

/**
 * Over a websocket a check-in room keeps open to its property's frontdesk room: a message
 * costs a fraction of an HTTP request between rooms. `seq` pairs each change with the
 * answer that says it is stored (or not).
 */
export const boardFeedMessage = z.object({ type: z.literal("session"), session: boardSession, seq: int() });
export type BoardFeedMessage = z.infer<typeof boardFeedMessage>;
export const boardFeedAnswer = z.object({ type: z.literal("stored"), seq: int(), ok: z.boolean() });
export type BoardFeedAnswer = z.infer<typeof boardFeedAnswer>;

const sessionLocks = z.object({
  roomId: z.string(),
  frontDoorLockId: z.string(),
  roomLockId: z.string(),
  timeZone: z.string(),
  standardCheckInTime: z.string(),
  standardCheckoutTime: z.string(),
});

const sessionStart = z.object({
  sessionId: z.string(),
  reservationId: z.string(),
  reservation: reservationSummary,
  locks: sessionLocks,
  deviceType: deviceType,
});
true satisfies Same<z.infer<typeof sessionStart>, SessionStart>;

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const localTime = z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)));

/** A checked-in booking's new room, dates or times: the room's codes follow. */
const stayChange = z.object({
  reservation: z.object({
    roomName: z.string().check(z.maxLength(200)),
    checkInDate: isoDate,
    checkOutDate: isoDate,
    earlyCheckInTime: localTime,
    lateCheckoutTime: localTime,
  }),
  locks: sessionLocks,
});
true satisfies Same<z.infer<typeof stayChange>, StayChange>;

/** Commands to a check-in room from the main party's routes. */
export const checkinCommand = z.discriminatedUnion("type", [
  z.extend(sessionStart, { type: z.literal("init") }),
  z.object({ type: z.literal("retry-pins") }),
  z.object({ type: z.literal("manual-pin"), pin: z.string().check(z.regex(/^\d{4,8}$/)) }),
  z.object({ type: z.literal("stay-changed"), change: stayChange }),
  z.object({ type: z.literal("cancelled") }),
  /** A manager erased the guest's data: end the session if it is live, remove its codes, empty the room. */
  z.object({ type: z.literal("wipe") }),
  /**
   * A newer lookup of the booking replaces this session: it ends and deletes its codes.
   * `onlyIfEnded`: only if it can no longer be resumed (expired, failed); a live one answers so.
   */
  z.object({ type: z.literal("supersede"), onlyIfEnded: z.boolean() }),
]);
export type CheckinCommand = z.infer<typeof checkinCommand>;

export const supersedeAnswer = z.object({ superseded: z.boolean() });
export type SupersedeAnswer = z.infer<typeof supersedeAnswer>;

/** Wakes a property's jobs room: one job soon, or (no job) every job that has no time yet. */
export const jobsWake = z.object({
  propertyId: z.string().check(z.minLength(1), z.maxLength(64)),
  job: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9-]{0,47}$/))),
});
export type JobsWake = z.infer<typeof jobsWake>;
