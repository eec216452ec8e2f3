// Every message that crosses a boundary (websocket or HTTP body) has exactly one
// zod schema here. The party and the client both import this module, so the two
// sides cannot drift: the server safeParses what the client sends, the client
// safeParses what the server sends.
//
// zod/mini (functions, not methods) because the guest wizard loads this module before
// its first paint and classic zod's method-laden prototypes cannot be tree-shaken.
import { z } from "zod/mini";
import { en } from "zod/locales";

// zod/mini ships no messages ("Invalid input" for everything); classic zod installs
// English on first use. Do the same so field messages read alike wherever this runs,
// including a browser or a test that never loads classic zod. A locale chosen
// explicitly elsewhere still wins.
if (!z.config().localeError) z.config(en());

/** Hard cap for any websocket message or HTTP body we accept, in bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export const BOOKING_REF_PATTERN = /^[A-Z0-9]{4,16}$/;

/** Guests type references in any case and with stray spaces; we compare canonical forms. */
export const bookingRef = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(64)),
    z.transform((s: string) => s.replace(/\s+/g, "").toUpperCase()),
  ),
  z.string().check(z.regex(BOOKING_REF_PATTERN, "Enter the booking reference from your confirmation, for example FD1001")),
);

export const sessionId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, "Not a check-in session id"));
export const stayToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{32,64}$/, "Not a stay token"));

export const STEPS = ["lookup", "details", "parking", "confirm", "completed", "error", "expired"] as const;
export const stepName = z.enum(STEPS);
export type StepName = z.infer<typeof stepName>;

/** Step numbers as the guest sees them ("Step N of 4"); also the funnel's step_reached. */
export const STEP_NUMBER: Record<StepName, number> = {
  lookup: 1,
  details: 2,
  parking: 3,
  confirm: 4,
  completed: 4,
  error: 4,
  expired: 4,
};

export const deviceType = z.enum(["mobile", "tablet", "desktop"]);
export type DeviceType = z.infer<typeof deviceType>;

export const pinStatus = z.enum(["idle", "creating", "ready", "failed"]);
export type PinStatus = z.infer<typeof pinStatus>;

// ---------------------------------------------------------------------------
// Guest input (raw, as typed). Normalisation lives in domain/guest-details.ts.
// ---------------------------------------------------------------------------

export const detailsInput = z.object({
  fullName: z.string().check(z.maxLength(200)),
  phone: z.string().check(z.maxLength(40)),
  /** ISO 3166-1 alpha-2 region used to read a national-format number. */
  phoneCountry: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  email: z.optional(z.string().check(z.maxLength(254))),
});
export type DetailsInput = z.infer<typeof detailsInput>;

export const parkingInput = z.object({
  hasCar: z.boolean(),
  registration: z.optional(z.string().check(z.maxLength(40))),
});
export type ParkingInput = z.infer<typeof parkingInput>;

/**
 * Why a form field was refused. Codes, not sentences, cross the wire so every client
 * words them from its own string table (client/i18n), in the guest's language.
 */
export const FIELD_ERROR_CODES = [
  "name_required",
  "name_too_long",
  "phone_required",
  "phone_invalid",
  "email_invalid",
  "registration_required",
  "registration_invalid",
] as const;
export const fieldErrorCode = z.enum(FIELD_ERROR_CODES);
export type FieldErrorCode = z.infer<typeof fieldErrorCode>;

/** Why a session is in the error step; the client picks the words and the way forward. */
export const sessionErrorCode = z.enum(["pin_failed", "checked_in_elsewhere"]);
export type SessionErrorCode = z.infer<typeof sessionErrorCode>;

/** Details after validation: what is stored and shown back. */
export const guestDetails = z.object({
  fullName: z.string(),
  phoneE164: z.string(),
  email: z.nullable(z.string()),
});
export type GuestDetails = z.infer<typeof guestDetails>;

export const parkingDetails = z.object({
  hasCar: z.boolean(),
  registration: z.nullable(z.string()),
});
export type ParkingDetails = z.infer<typeof parkingDetails>;

// ---------------------------------------------------------------------------
// Websocket: guest client -> checkin room
// ---------------------------------------------------------------------------

export const clientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("details"), details: detailsInput }),
  z.object({ type: z.literal("parking"), parking: parkingInput }),
  z.object({ type: z.literal("confirm") }),
  /** Go back to edit an earlier step; allowed until confirm succeeds. */
  z.object({ type: z.literal("edit"), step: z.enum(["details", "parking"]) }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

// ---------------------------------------------------------------------------
// Websocket: checkin room -> guest client
// ---------------------------------------------------------------------------

export const reservationSummary = z.object({
  bookingRef: z.string(),
  propertyId: z.string(),
  propertyName: z.string(),
  propertyPhone: z.string(),
  roomName: z.string(),
  checkInDate: z.string(),
  checkOutDate: z.string(),
  earlyCheckInTime: z.nullable(z.string()),
  lateCheckoutTime: z.nullable(z.string()),
});
export type ReservationSummary = z.infer<typeof reservationSummary>;

export const publicSessionState = z.object({
  sessionId: z.string(),
  step: stepName,
  reservation: reservationSummary,
  details: z.nullable(guestDetails),
  parking: z.nullable(parkingDetails),
  pin: z.object({ status: pinStatus, attempts: z.number().check(z.int()), error: z.nullable(z.string()) }),
  /** The guest pressed Confirm while PINs were still being made; completion follows the PIN push. */
  confirmPending: z.boolean(),
  stayToken: z.nullable(z.string()),
  /** English description for logs and developers; guests are shown `errorCode` in their language. */
  error: z.nullable(z.string()),
  errorCode: z.nullable(sessionErrorCode),
});
export type PublicSessionState = z.infer<typeof publicSessionState>;

export const ERROR_CODES = [
  "invalid_message",
  "too_large",
  "validation",
  "out_of_order",
  "not_found",
  "rate_limited",
  "internal",
] as const;
export const errorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCode>;

export const serverMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("state"), state: publicSessionState }),
  z.object({ type: z.literal("pin-ready") }),
  z.object({ type: z.literal("pin-failed"), reason: z.string() }),
  z.object({ type: z.literal("completed"), stayToken: z.string() }),
  /** Sent to the one connection whose message was rejected; nothing changed. */
  z.object({
    type: z.literal("error"),
    code: errorCode,
    message: z.string(),
    /** Per-field reasons for form validation errors. */
    fields: z.optional(z.record(z.string(), fieldErrorCode)),
  }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

// ---------------------------------------------------------------------------
// HTTP bodies (guest)
// ---------------------------------------------------------------------------

export const lookupRequest = z.object({ bookingRef: z.string().check(z.maxLength(64)) });
export type LookupRequest = z.infer<typeof lookupRequest>;

export const lookupResponse = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("session"), sessionId: z.string(), bookingRef: z.string() }),
  /** Already checked in: the client asks for the last four digits of the phone given at check-in. */
  z.object({ kind: z.literal("checked-in"), bookingRef: z.string() }),
  z.object({ kind: z.literal("not-found"), bookingRef: z.string() }),
]);
export type LookupResponse = z.infer<typeof lookupResponse>;

export const stayAccessRequest = z.object({
  bookingRef: z.string().check(z.maxLength(64)),
  phoneLast4: z.string().check(z.regex(/^\d{4}$/, "Enter the last four digits of your phone number")),
});
export const stayAccessResponse = z.object({ stayToken: z.string() });

export const pinStatusResponse = z.object({
  ready: z.boolean(),
  failed: z.boolean(),
  error: z.nullable(z.string()),
});
export type PinStatusResponse = z.infer<typeof pinStatusResponse>;

export const stayResponse = z.extend(z.omit(reservationSummary, { propertyId: true }), {
  guestName: z.string(),
  /** Local times the PIN is valid, in the property's time zone, for the guest to read. */
  pinValidFrom: z.string(),
  pinValidUntil: z.string(),
  timeZone: z.string(),
  pin: z.nullable(z.string()),
  carRegistration: z.nullable(z.string()),
});
export type StayResponse = z.infer<typeof stayResponse>;

/** Every HTTP error body has this shape so clients show one kind of message. */
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    retryAfterSeconds: z.optional(z.number().check(z.int())),
  }),
});
export type ApiError = z.infer<typeof apiError>;

// ---------------------------------------------------------------------------
// Front desk: events forwarded by checkin rooms, and the board the dashboards see
// ---------------------------------------------------------------------------

export const boardSession = z.object({
  sessionId: z.string(),
  bookingRef: z.string(),
  guestName: z.nullable(z.string()),
  step: stepName,
  deviceType: deviceType,
  pinStatus: pinStatus,
  pinAttempts: z.number().check(z.int()),
  pinError: z.nullable(z.string()),
  startedAt: z.number().check(z.int()),
  updatedAt: z.number().check(z.int()),
  completedAt: z.nullable(z.number().check(z.int())),
  /** Increases with every change, so the board can drop events that arrive out of order. */
  version: z.number().check(z.int()),
});
export type BoardSession = z.infer<typeof boardSession>;

/**
 * Most sessions one frontdesk POST may carry: about what fits the body cap
 * (MAX_MESSAGE_BYTES) at a typical ~300 bytes a session. The byte cap still applies, so
 * a sender batching long guest names must split by size as well.
 */
export const MAX_FRONTDESK_BATCH = 50;

/** Server-to-server: checkin rooms tell the property's frontdesk room about new states, one or several at a time. */
export const frontdeskEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("session"), session: boardSession }),
  z.object({ type: z.literal("sessions"), sessions: z.array(boardSession).check(z.maxLength(MAX_FRONTDESK_BATCH)) }),
]);
export type FrontdeskEvent = z.infer<typeof frontdeskEvent>;

/**
 * Server-to-server over a websocket a checkin room keeps open to its property's frontdesk
 * room: a message costs a fraction of an HTTP request between rooms. `seq` pairs each
 * change with the answer that says it is stored (or not).
 */
export const boardFeedMessage = z.object({ type: z.literal("session"), session: boardSession, seq: z.number().check(z.int()) });
export type BoardFeedMessage = z.infer<typeof boardFeedMessage>;
export const boardFeedAnswer = z.object({ type: z.literal("stored"), seq: z.number().check(z.int()), ok: z.boolean() });
export type BoardFeedAnswer = z.infer<typeof boardFeedAnswer>;

export const deskServerMessage = z.discriminatedUnion("type", [
  /** The whole board: on connect and after every reconnect. */
  z.object({ type: z.literal("board"), sessions: z.array(boardSession) }),
  /** Changes since the last message, each session once in its newest form. */
  z.object({ type: z.literal("sessions"), sessions: z.array(boardSession) }),
  z.object({ type: z.literal("error"), code: errorCode, message: z.string() }),
]);
export type DeskServerMessage = z.infer<typeof deskServerMessage>;

// ---------------------------------------------------------------------------
// Server-to-server commands to a checkin room (authenticated with INTERNAL_SECRET)
// ---------------------------------------------------------------------------

export const checkinCommand = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("init"),
    sessionId: z.string(),
    reservationId: z.string(),
    reservation: reservationSummary,
    locks: z.object({
      roomId: z.string(),
      frontDoorLockId: z.string(),
      roomLockId: z.string(),
      timeZone: z.string(),
      standardCheckInTime: z.string(),
      standardCheckoutTime: z.string(),
    }),
    deviceType: deviceType,
  }),
  z.object({ type: z.literal("retry-pins") }),
  z.object({ type: z.literal("manual-pin"), pin: z.string().check(z.regex(/^\d{4,8}$/)) }),
]);
export type CheckinCommand = z.infer<typeof checkinCommand>;

export const INTERNAL_AUTH_HEADER = "x-frontdoor-internal";

// ---------------------------------------------------------------------------
// Desk HTTP (staff API under /api/desk; every route needs the fd_staff session)
// ---------------------------------------------------------------------------

export const staffRole = z.enum(["staff", "manager"]);
export type StaffRoleName = z.infer<typeof staffRole>;

const staffEmail = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254));

export const deskLoginRequest = z.object({
  email: z.pipe(staffEmail, z.string().check(z.minLength(3, "Enter your work email"))),
  password: z.string().check(z.minLength(1, "Enter your password"), z.maxLength(200)),
});
export type DeskLoginRequest = z.infer<typeof deskLoginRequest>;

export const deskMe = z.object({
  staffId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: staffRole,
  /** The property whose board this staff member sees (a manager's default is the only property). */
  propertyId: z.string(),
  propertyName: z.string(),
  timeZone: z.string(),
  expiresAt: z.number().check(z.int()),
});
export type DeskMe = z.infer<typeof deskMe>;

export const deskCreateStaffRequest = z.object({
  email: z.pipe(staffEmail, z.email("Enter a valid email address")),
  displayName: z.string().check(z.trim(), z.minLength(1, "Enter a name"), z.maxLength(100)),
  role: z._default(staffRole, "staff"),
  password: z.string().check(z.minLength(12, "Use at least 12 characters"), z.maxLength(200)),
  /** Defaults to the creating manager's property. */
  propertyId: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
});
export type DeskCreateStaffRequest = z.input<typeof deskCreateStaffRequest>;

export const deskStaffMember = z.object({
  staffId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: staffRole,
  propertyId: z.nullable(z.string()),
});
export type DeskStaffMember = z.infer<typeof deskStaffMember>;

export const deskManualPinRequest = z.object({
  pin: z.string().check(z.regex(/^\d{4,8}$/, "A PIN is 4 to 8 digits")),
});

/** Answer to retry-pins and manual-pin: the session as its checkin room now reports it. */
export const deskSessionActionResponse = z.object({ state: publicSessionState });
export type DeskSessionActionResponse = z.infer<typeof deskSessionActionResponse>;

export const deskRevealPinResponse = z.object({ sessionId: z.string(), bookingRef: z.string(), pin: z.string() });
export type DeskRevealPinResponse = z.infer<typeof deskRevealPinResponse>;

export const arrivalStatus = z.enum(["checked-in", "in-progress", "not-started"]);
export type ArrivalStatus = z.infer<typeof arrivalStatus>;

export const deskArrival = z.object({
  reservationId: z.string(),
  bookingRef: z.string(),
  roomName: z.string(),
  status: arrivalStatus,
  guestName: z.nullable(z.string()),
  checkOutDate: z.string(),
  earlyCheckInTime: z.nullable(z.string()),
  lateCheckoutTime: z.nullable(z.string()),
  /** The completing session when checked in, the latest live one when in progress. */
  sessionId: z.nullable(z.string()),
  checkedInAt: z.nullable(z.number().check(z.int())),
});
export type DeskArrival = z.infer<typeof deskArrival>;

export const deskArrivalsResponse = z.object({
  propertyId: z.string(),
  date: z.string(),
  timeZone: z.string(),
  arrivals: z.array(deskArrival),
});
export type DeskArrivalsResponse = z.infer<typeof deskArrivalsResponse>;

const isoDate = z.iso.date("Use a date like 2026-01-31");

/** Local dates in the property's time zone, both ends included; default the last 30 days. */
export const deskAnalyticsQuery = z
  .object({ from: z.optional(isoDate), to: z.optional(isoDate) })
  .check(z.refine((q) => !(q.from && q.to) || q.from <= q.to, { message: "`from` must not be after `to`", path: ["from"] }));
export type DeskAnalyticsQuery = z.infer<typeof deskAnalyticsQuery>;

const funnelCountsShape = {
  started: z.number().check(z.int()),
  step2: z.number().check(z.int()),
  step3: z.number().check(z.int()),
  step4: z.number().check(z.int()),
  completed: z.number().check(z.int()),
};

export const deskAnalyticsResponse = z.object({
  propertyId: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  sessionsStarted: z.number().check(z.int()),
  completed: z.number().check(z.int()),
  completionRate: z.nullable(z.number()),
  medianCompletionMs: z.nullable(z.number()),
  funnel: z.array(
    z.object({
      key: z.enum(["lookup", "details", "parking", "confirm", "completed"]),
      label: z.string(),
      reached: z.number().check(z.int()),
      conversionFromPrevious: z.nullable(z.number()),
      conversionFromStart: z.nullable(z.number()),
      lost: z.number().check(z.int()),
    }),
  ),
  biggestDropOff: z.nullable(
    z.object({
      from: z.string(),
      to: z.string(),
      fromLabel: z.string(),
      toLabel: z.string(),
      lost: z.number().check(z.int()),
      rate: z.number(),
    }),
  ),
  devices: z.array(z.object({ deviceType, ...funnelCountsShape, completionRate: z.nullable(z.number()) })),
  daily: z.array(z.object({ date: z.string(), started: z.number().check(z.int()), completed: z.number().check(z.int()) })),
});
export type DeskAnalyticsResponse = z.infer<typeof deskAnalyticsResponse>;
