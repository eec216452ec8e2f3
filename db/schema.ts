// The system of record. Dates are ISO `YYYY-MM-DD` in the property's time zone,
// times `HH:MM` local; instants are Unix epoch milliseconds.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const property = sqliteTable("property", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** IANA zone, e.g. Europe/London; PIN windows are computed in it. */
  timeZone: text("time_zone").notNull(),
  phone: text("phone").notNull(),
  /** ISO 3166-1 alpha-2; the wizard's default phone region. */
  country: text("country").notNull().default("GB"),
  standardCheckInTime: text("standard_check_in_time").notNull().default("15:00"),
  standardCheckoutTime: text("standard_checkout_time").notNull().default("11:00"),
});

/** The property a row belongs to: every table scoped by property says so the same way. */
const propertyRef = () =>
  text("property_id")
    .notNull()
    .references(() => property.id);

export const room = sqliteTable("room", {
  id: text("id").primaryKey(),
  propertyId: propertyRef(),
  name: text("name").notNull(),
  frontDoorLockId: text("front_door_lock_id").notNull(),
  roomLockId: text("room_lock_id").notNull(),
  /** Set when the room stops taking bookings; its past bookings keep pointing at it. */
  retiredAt: integer("retired_at"),
});

export const reservation = sqliteTable(
  "reservation",
  {
    id: text("id").primaryKey(),
    bookingRef: text("booking_ref").notNull(),
    propertyId: propertyRef(),
    roomId: text("room_id")
      .notNull()
      .references(() => room.id),
    /** confirmed → checked_in; cancelled and no-show reservations cannot start a check-in. */
    status: text("status", { enum: ["confirmed", "checked_in", "cancelled", "no_show"] }).notNull(),
    checkInDate: text("check_in_date").notNull(),
    checkOutDate: text("check_out_date").notNull(),
    earlyCheckInTime: text("early_check_in_time"),
    lateCheckoutTime: text("late_checkout_time"),
    guestId: text("guest_id"),
    /**
     * Who the property expects, as the booking channel gave it: shown to staff and used to
     * search, never copied into the guest row (the guest states their own details).
     */
    expectedGuestName: text("expected_guest_name"),
    /** Lower-cased copy of the name's last word, the column the desk's search seeks on. */
    expectedGuestSurname: text("expected_guest_surname"),
    expectedGuestEmail: text("expected_guest_email"),
    expectedGuestPhone: text("expected_guest_phone"),
    /** SHA-256 (base64url) of the check-in link's token; the token itself is never stored. */
    checkinLinkHash: text("checkin_link_hash"),
    /**
     * The booking's one check-in session while it may still finish: a second lookup resumes
     * it instead of starting another (claimed with a conditional update, so racing lookups agree).
     */
    liveSessionId: text("live_session_id"),
    /** Wrong second facts typed with this reference in the day since `proofFailedAt`: the desk's alert. */
    proofFailures: integer("proof_failures").notNull().default(0),
    proofFailedAt: integer("proof_failed_at"),
    source: text("source", { enum: ["demo", "desk", "csv", "ical", "api"] })
      .notNull()
      .default("desk"),
    /** The calendar feed (ical_feed.id) an `ical` booking came from: only that feed may cancel it. */
    icalFeedId: text("ical_feed_id"),
    createdAt: integer("created_at").notNull().default(0),
    updatedAt: integer("updated_at").notNull().default(0),
    /** When the guest's personal data (here, on its guest rows and in its messages) was anonymised. */
    anonymisedAt: integer("anonymised_at"),
  },
  (t) => [
    uniqueIndex("reservation_booking_ref_uq").on(t.bookingRef),
    // The retention job's queue: bookings still holding personal data, oldest checkout first.
    index("reservation_retention_idx").on(t.propertyId, t.checkOutDate).where(sql`anonymised_at is null`),
    index("reservation_property_arrival_idx").on(t.propertyId, t.checkInDate),
    // Keyset paging: (check_in_date, booking_ref) is unique within a property and ordered.
    index("reservation_property_arrival_ref_idx").on(t.propertyId, t.checkInDate, t.bookingRef),
    index("reservation_property_surname_idx").on(t.propertyId, t.expectedGuestSurname),
    uniqueIndex("reservation_checkin_link_uq").on(t.checkinLinkHash),
    index("reservation_ical_feed_idx").on(t.icalFeedId, t.status),
  ],
);

export const guest = sqliteTable(
  "guest",
  {
    id: text("id").primaryKey(),
    fullName: text("full_name").notNull(),
    phoneE164: text("phone_e164").notNull(),
    email: text("email"),
    reservationId: text("reservation_id")
      .notNull()
      .references(() => reservation.id),
    bookingRef: text("booking_ref").notNull(),
    checkInDate: text("check_in_date").notNull(),
    checkOutDate: text("check_out_date").notNull(),
    roomId: text("room_id")
      .notNull()
      .references(() => room.id),
    carRegistration: text("car_registration"),
    earlyCheckInTime: text("early_check_in_time"),
    lateCheckoutTime: text("late_checkout_time"),
    frontDoorPin: text("front_door_pin"),
    frontDoorPinId: text("front_door_pin_id"),
    roomPinId: text("room_pin_id"),
    /** When both locks reported the code `set`: the "code confirmed on the door" message waits for it. */
    codesConfirmedAt: integer("codes_confirmed_at"),
    /** Opens the stay page; 256 random bits, never derived from anything guessable. */
    secureToken: text("secure_token").notNull(),
    /** The session whose confirm created this guest; a retried confirm finds its own row by it. */
    checkinSessionId: text("checkin_session_id"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("guest_secure_token_uq").on(t.secureToken),
    // The database, not the application, guarantees one live guest per reservation:
    // a double click, two devices or a retry race here and exactly one insert wins.
    uniqueIndex("guest_live_reservation_uq").on(t.reservationId).where(sql`archived = 0`),
  ],
);

export const checkinAnalytics = sqliteTable(
  "checkin_analytics",
  {
    sessionId: text("session_id").primaryKey(),
    bookingRef: text("booking_ref").notNull(),
    propertyId: text("property_id").notNull(),
    stepReached: integer("step_reached").notNull(),
    completed: integer("completed", { mode: "boolean" }).notNull().default(false),
    deviceType: text("device_type", { enum: ["mobile", "tablet", "desktop"] }).notNull(),
    startedAt: integer("started_at").notNull(),
    completedAt: integer("completed_at"),
    /** The language the guest read the check-in in (domain/languages.ts); null until their device said. */
    language: text("language"),
  },
  (t) => [
    // The funnel filters by a date range and groups by step or device: covering
    // indexes let SQLite answer from the index alone.
    index("checkin_analytics_started_idx").on(t.startedAt, t.stepReached, t.completed, t.deviceType),
    index("checkin_analytics_property_started_idx").on(t.propertyId, t.startedAt),
    // The desk's funnel is per property. Device type second lets `device_type IN (...)`
    // turn one range into three index seeks whose rows already arrive grouped, so
    // GROUP BY device needs no sort; the trailing columns make it covering.
    index("checkin_analytics_property_device_started_idx").on(
      t.propertyId,
      t.deviceType,
      t.startedAt,
      t.stepReached,
      t.completed,
      t.completedAt,
    ),
    // Completed sessions in order of time-to-complete: the median is read by walking
    // this index to the middle instead of sorting every completion in the range.
    index("checkin_analytics_property_duration_idx")
      .on(t.propertyId, sql`(${t.completedAt} - ${t.startedAt})`, t.startedAt)
      .where(sql`${t.completed} = 1`),
  ],
);

/**
 * checkin_analytics summed per property, UTC hour, device and language: what the desk's report
 * reads instead of the raw rows. Kept by triggers on checkin_analytics in the same statement as
 * the row's own write (migration analytics_rollup; the arithmetic is domain/analytics-rollup.ts).
 */
export const checkinAnalyticsHourly = sqliteTable(
  "checkin_analytics_hourly",
  {
    propertyId: text("property_id").notNull(),
    /** Start of the UTC hour the sessions started in. */
    hourMs: integer("hour_ms").notNull(),
    deviceType: text("device_type").notNull(),
    /** '' for sessions whose device never said. */
    language: text("language").notNull(),
    started: integer("started").notNull(),
    step2: integer("step2").notNull(),
    step3: integer("step3").notNull(),
    step4: integer("step4").notNull(),
    completed: integer("completed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.propertyId, t.hourMs, t.deviceType, t.language] })],
);

/** The same per UTC day: a long range's whole days, read as one cell per day instead of 24. */
export const checkinAnalyticsDaily = sqliteTable(
  "checkin_analytics_daily",
  {
    propertyId: text("property_id").notNull(),
    /** Start of the UTC day the sessions started in. */
    dayMs: integer("day_ms").notNull(),
    deviceType: text("device_type").notNull(),
    language: text("language").notNull(),
    started: integer("started").notNull(),
    step2: integer("step2").notNull(),
    step3: integer("step3").notNull(),
    step4: integer("step4").notNull(),
    completed: integer("completed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.propertyId, t.dayMs, t.deviceType, t.language] })],
);

/** Completions per property, UTC day of start and 10 s bin of time-to-complete: finds the median's bin. */
export const checkinDurationDaily = sqliteTable(
  "checkin_duration_daily",
  {
    propertyId: text("property_id").notNull(),
    dayMs: integer("day_ms").notNull(),
    bin: integer("bin").notNull(),
    completions: integer("completions").notNull(),
  },
  (t) => [primaryKey({ columns: [t.propertyId, t.dayMs, t.bin] })],
);

export const staff = sqliteTable(
  "staff",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["staff", "manager"] }).notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
    passwordHash: text("password_hash").notNull(),
    propertyId: text("property_id").references(() => property.id),
    createdAt: integer("created_at").notNull(),
    /** A deactivated account cannot sign in and its sessions are refused; its audit trail stays. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("staff_email_uq").on(t.email)],
);

/**
 * One-time set-password links (an invitation or a reset). Only the SHA-256 of the
 * token is stored, so a copy of the database cannot be turned into a working link.
 */
/** A staff member who made or owns a row (who created a key, who is being reset). */
const staffRef = (column: string) =>
  text(column)
    .notNull()
    .references(() => staff.id);

export const staffPasswordToken = sqliteTable(
  "staff_password_token",
  {
    tokenHash: text("token_hash").primaryKey(),
    staffId: staffRef("staff_id"),
    purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
    createdBy: staffRef("created_by"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("staff_password_token_staff_idx").on(t.staffId)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null for what a guest did with proof of their booking (asking for their stay link again). */
    staffId: text("staff_id").references(() => staff.id),
    action: text("action").notNull(),
    bookingRef: text("booking_ref"),
    sessionId: text("session_id"),
    detail: text("detail"),
    at: integer("at").notNull(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    // A staff session is revoked by its own logout row (detail names the session), so
    // every desk request asks "was this session logged out?" with one index seek.
    index("audit_log_staff_action_idx").on(t.staffId, t.action, t.detail),
  ],
);

/**
 * Every message Frontdoor sends or means to send (the outbox and the message log in one).
 * A row is written before its send, keyed by `idempotency_key` (booking × kind × channel,
 * plus a version where one kind may be sent again, e.g. a changed door code), so a retry,
 * a restart or two racing alarms find the row instead of sending twice.
 */
export const message = sqliteTable(
  "message",
  {
    id: text("id").primaryKey(),
    propertyId: propertyRef(),
    /** Null for a staff member's test send to themselves. */
    reservationId: text("reservation_id").references(() => reservation.id),
    kind: text("kind", { enum: ["invitation", "reminder", "door-code", "code-confirmed", "test"] }).notNull(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    /** Unique; also sent to the provider where it takes one (Resend's Idempotency-Key). */
    idempotencyKey: text("idempotency_key").notNull(),
    /** Email address or E.164 phone; null once the guest's personal data is purged. */
    recipient: text("recipient"),
    /** A domain/languages.ts code: the language the message was written in. */
    language: text("language").notNull(),
    subject: text("subject"),
    /** Rendered bodies, kept only as long as the guest's data; null once purged. */
    bodyText: text("body_text"),
    bodyHtml: text("body_html"),
    /**
     * scheduled → sending → sent → delivered; `failed` (permanent, or retries ran out),
     * `bounced` (the provider reported it undeliverable), `suppressed` (opted out, quiet
     * hours passed the send's usefulness, or the kind is turned off: never handed over).
     */
    status: text("status", {
      enum: ["scheduled", "sending", "sent", "delivered", "failed", "bounced", "suppressed"],
    }).notNull(),
    /** Not before this instant (quiet hours and the property's schedule already applied). */
    sendAt: integer("send_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** When a transient failure is next retried. */
    nextAttemptAt: integer("next_attempt_at"),
    /** "resend", "twilio" …: whose id `provider_message_id` is. */
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    /** Plain words for the desk: why it failed, bounced or was suppressed. Never personal data. */
    statusDetail: text("status_detail"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("message_idempotency_uq").on(t.idempotencyKey),
    index("message_property_created_idx").on(t.propertyId, t.createdAt),
    index("message_due_idx").on(t.propertyId, t.status, t.sendAt),
    index("message_provider_id_idx").on(t.provider, t.providerMessageId),
    index("message_reservation_idx").on(t.reservationId),
  ],
);

/** Addresses that asked for no more messages (an email unsubscribe, an SMS STOP), per property. */
export const messageOptOut = sqliteTable(
  "message_opt_out",
  {
    propertyId: propertyRef(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    /** Lower-cased email or E.164 phone. */
    address: text("address").notNull(),
    source: text("source", { enum: ["unsubscribe-link", "sms-stop", "staff"] }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("message_opt_out_uq").on(t.propertyId, t.channel, t.address)],
);

/**
 * Codes already programmed on a lock for when the guest's own code does not work: typed in
 * by a manager for a keypad or key box. The digits are AES-GCM encrypted under a key derived
 * from SESSION_SECRET; the desk shows them masked and they never reach a log.
 */
export const backupCode = sqliteTable(
  "backup_code",
  {
    id: text("id").primaryKey(),
    propertyId: propertyRef(),
    lockId: text("lock_id").notNull(),
    codeCipher: text("code_cipher").notNull(),
    /** The last two digits, so staff can tell codes apart without seeing them. */
    hint: text("hint").notNull(),
    createdAt: integer("created_at").notNull(),
    /** The session it was given to; null while it is still in the pool. */
    assignedSessionId: text("assigned_session_id"),
    assignedAt: integer("assigned_at"),
  },
  (t) => [index("backup_code_pool_idx").on(t.propertyId, t.lockId, t.assignedSessionId)],
);

/**
 * A key box or standalone keypad: a lock with no lock service behind it, whose code a
 * manager sets and changes by hand. Rooms point at it as `manual:<id>`. The digits are
 * sealed like backup codes; the desk shows the last two.
 */
export const manualLock = sqliteTable(
  "manual_lock",
  {
    id: text("id").primaryKey(),
    propertyId: propertyRef(),
    name: text("name").notNull(),
    /** Null until a manager sets the first code. */
    codeCipher: text("code_cipher"),
    hint: text("hint"),
    codeSetBy: text("code_set_by"),
    codeSetAt: integer("code_set_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("manual_lock_property_idx").on(t.propertyId)],
);

/**
 * Every step of a door problem, per property: a guest reporting trouble, a backup code given
 * automatically or by staff. The analytics count what guests report; staff steps are also
 * in the audit log.
 */
export const doorTrouble = sqliteTable(
  "door_trouble",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    propertyId: propertyRef(),
    sessionId: text("session_id").notNull(),
    bookingRef: text("booking_ref").notNull(),
    kind: text("kind", { enum: ["reported", "backup-issued", "no-backup"] }).notNull(),
    /** The lock concerned, when one is. */
    lockId: text("lock_id"),
    /** Who moved: the guest, the room on its own (a failed or offline lock), or a staff member. */
    actor: text("actor", { enum: ["guest", "auto", "staff"] }).notNull(),
    staffId: text("staff_id"),
    at: integer("at").notNull(),
  },
  (t) => [index("door_trouble_property_at_idx").on(t.propertyId, t.at)],
);

/** A room's calendar export (Airbnb, Booking.com, Vrbo) that the `ical` job polls into bookings. */
export const icalFeed = sqliteTable(
  "ical_feed",
  {
    id: text("id").primaryKey(),
    propertyId: propertyRef(),
    roomId: text("room_id")
      .notNull()
      .references(() => room.id),
    /** Export URLs carry a secret token of the platform's: shown to managers only, never logged. */
    url: text("url").notNull(),
    createdAt: integer("created_at").notNull(),
    lastAttemptAt: integer("last_attempt_at"),
    lastSuccessAt: integer("last_success_at"),
    /** Plain words for the desk ("timed out after 10 s", "HTTP 404"); null after a good sync. */
    lastError: text("last_error"),
    /** What the last good sync left aside (blocked dates, a checked-in booking it may not move). */
    lastNote: text("last_note"),
    /** When staff last pressed "Sync now", for its rate limit. */
    syncRequestedAt: integer("sync_requested_at"),
  },
  (t) => [
    index("ical_feed_property_idx").on(t.propertyId, t.roomId),
    uniqueIndex("ical_feed_room_url_uq").on(t.roomId, t.url),
  ],
);

/**
 * A property's keys for the integrators' API (/api/v1). Only the SHA-256 of a key is kept;
 * the key itself is shown once, when a manager creates it.
 */
export const apiKey = sqliteTable(
  "api_key",
  {
    id: text("id").primaryKey(),
    propertyId: propertyRef(),
    name: text("name").notNull(),
    /** The key's first characters (`fd_live_` and 6 more), enough to tell keys apart in the desk. */
    prefix: text("prefix").notNull(),
    /** Hex SHA-256 of the whole key. */
    keyHash: text("key_hash").notNull(),
    createdBy: staffRef("created_by"),
    createdAt: integer("created_at").notNull(),
    /** Written at most once a minute per key, so busy integrations cost no write per request. */
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_key_hash_uq").on(t.keyHash), index("api_key_property_idx").on(t.propertyId)],
);

/** Where a property's webhooks go, with the secret their signatures are made with. */
export const webhookEndpoint = sqliteTable(
  "webhook_endpoint",
  {
    id: text("id").primaryKey(),
    propertyId: propertyRef(),
    url: text("url").notNull(),
    /** `whsec_…`; the HMAC key, so it is kept as given (shown to the manager once). */
    secret: text("secret").notNull(),
    createdBy: staffRef("created_by"),
    createdAt: integer("created_at").notNull(),
    /** Set when a manager removes it; its delivery log stays, pending deliveries stop. */
    removedAt: integer("removed_at"),
  },
  (t) => [index("webhook_endpoint_property_idx").on(t.propertyId)],
);

/**
 * The webhook outbox and delivery log in one: a row per event and endpoint, written in the
 * same write as the change it reports, before any send; the `webhooks` job sends and retries it.
 */
export const webhookDelivery = sqliteTable(
  "webhook_delivery",
  {
    id: text("id").primaryKey(),
    propertyId: propertyRef(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoint.id),
    /** The event's id, the same for every endpoint; receivers de-duplicate on it. */
    eventId: text("event_id").notNull(),
    eventType: text("event_type").notNull(),
    /** The exact JSON body sent and signed, so every attempt sends the same bytes. */
    payload: text("payload").notNull(),
    /** pending → delivered; `failed` once 24 hours of retries ran out or the endpoint was removed. */
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    lastAttemptAt: integer("last_attempt_at"),
    /** The receiver's HTTP status on the last attempt; null when it never answered. */
    lastStatusCode: integer("last_status_code"),
    /** Plain words for the desk (timeout, refused address); never the receiver's body. */
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("webhook_delivery_event_uq").on(t.endpointId, t.eventId),
    index("webhook_delivery_due_idx").on(t.propertyId, t.status, t.nextAttemptAt),
    index("webhook_delivery_property_created_idx").on(t.propertyId, t.createdAt),
  ],
);

/**
 * A property's choices about guest messages. No row means the defaults: every kind on,
 * door codes kept out of messages (a message can be forwarded; the stay page is private).
 */
export const messageSettings = sqliteTable("message_settings", {
  propertyId: text("property_id")
    .primaryKey()
    .references(() => property.id),
  invitation: integer("invitation", { mode: "boolean" }).notNull().default(true),
  reminder: integer("reminder", { mode: "boolean" }).notNull().default(true),
  doorCode: integer("door_code", { mode: "boolean" }).notNull().default(true),
  codeConfirmed: integer("code_confirmed", { mode: "boolean" }).notNull().default(true),
  codesInMessages: integer("codes_in_messages", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * A property's own wording for one message kind in one language (no row: the built-in
 * words). Templates with {placeholders}, checked by domain/messages/wording.ts.
 */
export const messageWording = sqliteTable(
  "message_wording",
  {
    propertyId: propertyRef(),
    kind: text("kind", { enum: ["invitation", "reminder", "door-code", "code-confirmed"] }).notNull(),
    /** A domain/languages.ts code. */
    language: text("language").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sms: text("sms").notNull(),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: staffRef("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.propertyId, t.kind, t.language] })],
);
