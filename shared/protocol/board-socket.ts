// The desk's websocket to its property's frontdesk room: the live board.
import { z } from "zod/mini";
import type { BoardSession } from "../../domain/board";
import { deviceType, int, language, pinStatus, stepName, type Same } from "./common";
import { errorCode } from "./errors";
import { lockCodeState } from "./session-state";

export const boardSession = z.object({
  sessionId: z.string(),
  bookingRef: z.string(),
  guestName: z.nullable(z.string()),
  step: stepName,
  deviceType: deviceType,
  pinStatus: pinStatus,
  pinAttempts: int(),
  pinError: z.nullable(z.string()),
  locks: z.optional(z.object({ frontDoor: z.nullable(lockCodeState), room: z.nullable(lockCodeState) })),
  startedAt: int(),
  updatedAt: int(),
  completedAt: z.nullable(int()),
  language: z.optional(z.nullable(language)),
  door: z.optional(
    z.object({
      arrivalAt: int(),
      confirmBy: int(),
      trouble: z.nullable(z.object({ reportedAt: int(), reports: int() })),
      backups: z.object({ frontDoor: z.boolean(), room: z.boolean() }),
      noBackup: z.array(z.enum(["frontDoor", "room"])),
      events: z.array(z.object({ at: int(), text: z.string() })),
    }),
  ),
  version: int(),
  stay: z.optional(
    z.object({
      roomName: z.string(),
      checkInDate: z.string(),
      checkOutDate: z.string(),
      earlyCheckInTime: z.nullable(z.string()),
      lateCheckoutTime: z.nullable(z.string()),
      cancelled: z.boolean(),
      codes: z.enum(["moving", "done", "failed"]),
    }),
  ),
});
true satisfies Same<z.infer<typeof boardSession>, BoardSession>;

export const boardMessage = z.discriminatedUnion("type", [
  /** The whole board: on connect and after every reconnect. */
  z.object({ type: z.literal("board"), sessions: z.array(boardSession) }),
  /** Changes since the last message, each session once in its newest form. */
  z.object({ type: z.literal("sessions"), sessions: z.array(boardSession) }),
  z.object({ type: z.literal("error"), code: errorCode, message: z.string() }),
]);
export type BoardMessage = z.infer<typeof boardMessage>;
