// The stay page's websocket to the session's check-in room. The stay token travels in
// the first message (never in a URL a proxy or a log keeps); until it checks out the
// room sends nothing. Afterwards a `stay` message carries everything on the page that
// can change: each lock's state, the code and its window, backup codes, door trouble.
import { z } from "zod/mini";
import { int, stayToken } from "./common";
import { errorCode } from "./errors";
import { lockCodeState } from "./session-state";

/** The query parameter that marks a socket to a check-in room as the stay page's, not the wizard's. */
export const STAY_CHANNEL_QUERY = { channel: "stay" } as const;
/** Closed for a wrong or missing stay token; the page falls back to what it loaded over HTTP. */
export const STAY_REFUSED_CLOSE = 4403;

export const stayClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), stayToken: stayToken }),
  /** "Code not working?": one tap. */
  z.object({ type: z.literal("door-trouble") }),
]);
export type StayClientMessage = z.infer<typeof stayClientMessage>;

const perLock = <T extends z.core.$ZodType>(schema: T) => z.object({ frontDoor: schema, room: schema });

/**
 * A manual lock's code (key box, keypad): `phase` says where now falls against the stay
 * window, and `code` is there only `during` it (null also before a manager set one).
 */
export const manualCodeView = z.object({
  phase: z.enum(["before", "during", "after"]),
  code: z.nullable(z.string()),
});
export type ManualCodeView = z.infer<typeof manualCodeView>;

export const stayView = z.object({
  /** The guest's own code for the smart locks; null until it exists, or when every lock is manual. */
  code: z.nullable(z.string()),
  /** Per lock: null for a smart lock, else its manual code as the window allows. */
  manual: perLock(z.nullable(manualCodeView)),
  /** Local wall-clock times in the property's zone, as the HTTP stay answer gives them. */
  validFrom: z.string(),
  validUntil: z.string(),
  locks: perLock(z.nullable(lockCodeState)),
  /** Every lock the code was sent to confirmed it: the code is ready at the door. */
  ready: z.boolean(),
  backups: perLock(z.nullable(z.string())),
  trouble: z.nullable(z.object({ reportedAt: int() })),
});
export type StayView = z.infer<typeof stayView>;

export const stayServerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stay"), stay: stayView }),
  z.object({ type: z.literal("error"), code: errorCode, message: z.string() }),
]);
export type StayServerMessage = z.infer<typeof stayServerMessage>;

/** `POST /api/stay-socket`: which check-in room the stay page's socket opens, for the holder of the stay token. */
export const staySocketRequest = z.object({ stayToken: stayToken });
/** `sessionId` is null for a stay checked in without a session (imported or seeded): the page stays as loaded. */
export const staySocketResponse = z.object({ sessionId: z.nullable(z.string()) });
export type StaySocketResponse = z.infer<typeof staySocketResponse>;
