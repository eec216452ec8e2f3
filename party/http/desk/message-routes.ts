// The desk's Outbox (every message of the property, newest first), the Messages settings
// with previews, a test send to oneself, and resending a booking's invitation or door code.
import { Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { findBooking } from "../../../db/queries/bookings";
import { insertPlanned, outboxPage, resendCount } from "../../../db/queries/message-outbox";
import { messageSettingsOf, saveMessageSettings } from "../../../db/queries/message-settings";
import { wordingKey, wordingsOf } from "../../../db/queries/message-wording";
import { GUEST_MESSAGE_KINDS } from "../../../domain/messages/kinds";
import { renderMessage } from "../../../domain/messages/render";
import { smsLength } from "../../../domain/messages/sms-length";
import type { Wording } from "../../../domain/messages/wording";
import { localDate } from "../../../domain/pin-window";
import {
  messageSettingsBody,
  type MessageSettingsBody,
  type MessageSettingsResponse,
  OUTBOX_PAGE_SIZE,
  outboxQuery,
  type OutboxResponse,
  resendRequest,
} from "../../../shared/messages-protocol";
import { apiErrorResponse, issuesToFields, readJsonBody } from "../../http-json";
import { messagesDeps } from "../../messages/job";
import { messageRow, queueResend } from "../../messages/planner";
import { pokeMessages } from "../../messages/poke";
import { randomId } from "../../random";
import { noProperty, requireManager, type DeskEnv } from "./context";
import { testSendRefusal, wordingRoutes } from "./message-wording-routes";

export const messageRoutes = new Hono<DeskEnv>();
messageRoutes.route("/", wordingRoutes);

messageRoutes.get("/outbox", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const parsed = outboxQuery.safeParse(c.req.query());
  if (!parsed.success)
    return apiErrorResponse(400, "validation", "Check the page.", { fields: issuesToFields(parsed.error) });
  const [createdAt, id] = parsed.data.after ? parsed.data.after.split("~") : [];
  const rows = await outboxPage(
    c.get("db"),
    property.id,
    createdAt && id ? { createdAt: Number(createdAt), id } : null,
    OUTBOX_PAGE_SIZE + 1,
  );
  const page = rows.slice(0, OUTBOX_PAGE_SIZE);
  const last = page[page.length - 1];
  const body: OutboxResponse = {
    messages: page.map((m) => ({
      id: m.id,
      bookingRef: m.bookingRef,
      kind: m.kind,
      channel: m.channel,
      language: m.language,
      recipient: m.recipient,
      subject: m.subject,
      bodyText: m.bodyText,
      bodyHtml: m.bodyHtml,
      status: m.status,
      statusDetail: m.statusDetail,
      attempts: m.attempts,
      sendAt: m.sendAt,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    })),
    nextCursor: rows.length > OUTBOX_PAGE_SIZE && last ? `${last.createdAt}~${last.id}` : null,
  };
  return c.json(body);
});

function previews(
  property: { name: string; phone: string; timeZone: string },
  settings: MessageSettingsBody,
  selfUrl: string,
  today: string,
  wordings: Map<string, Wording>,
) {
  const origin = new URL(selfUrl).origin;
  return GUEST_MESSAGE_KINDS.map((kind) => {
    const beforeCheckin = kind === "invitation" || kind === "reminder";
    const sample = {
      kind,
      language: "en" as const,
      propertyName: property.name,
      propertyPhone: property.phone,
      timeZone: property.timeZone,
      arrivalDate: today,
      link: `${origin}/${beforeCheckin ? "checkin" : "stay"}/${"x".repeat(43)}`,
      ...(kind === "door-code" && settings.codesInMessages
        ? { code: { code: "123456", startsAt: Date.now(), endsAt: Date.now() + 2 * 86_400_000 } }
        : {}),
    };
    const wording = wordings.get(wordingKey(kind, "en"));
    const own = { ...sample, ...(wording ? { wording } : {}) };
    const email = renderMessage({ ...own, channel: "email", unsubscribeUrl: `${origin}/unsubscribe/…` });
    const sms = renderMessage({ ...own, channel: "sms" }).text;
    return { kind, subject: email.subject ?? "", emailText: email.text, sms, smsSegments: smsLength(sms).segments };
  });
}

messageRoutes.get("/message-settings", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const settings = await messageSettingsOf(c.get("db"), property.id);
  const today = localDate(Date.now(), property.timeZone);
  const body: MessageSettingsResponse = {
    settings,
    previews: previews(property, settings, c.get("env").SELF_URL, today, await wordingsOf(c.get("db"), property.id)),
  };
  return c.json(body);
});

messageRoutes.put("/message-settings", requireManager, async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const body = await readJsonBody(c.req.raw, messageSettingsBody);
  if (!body.ok) return body.response;
  const now = Date.now();
  await saveMessageSettings(c.get("db"), property.id, body.value, now);
  const on = Object.entries(body.value)
    .map(([k, v]) => `${k}=${v ? "on" : "off"}`)
    .join(" ");
  await recordAudit(c.get("db"), { staffId: staff.staffId, action: "messages.settings", detail: on, at: now });
  pokeMessages(c, property.id);
  const today = localDate(now, property.timeZone);
  const response: MessageSettingsResponse = {
    settings: body.value,
    previews: previews(property, body.value, c.get("env").SELF_URL, today, await wordingsOf(c.get("db"), property.id)),
  };
  return c.json(response);
});

/** A test email to the signed-in staff member's own address, through the real channel. */
messageRoutes.post("/message-settings/test", requireManager, async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const refused = await testSendRefusal(c, staff.staffId);
  if (refused) return refused;
  const deps = messagesDeps(c.get("env"), c.get("db"));
  const now = Date.now();
  const row = await messageRow(deps, property, {
    reservationId: null,
    kind: "test",
    channel: "email",
    to: staff.email,
    key: `test:${staff.staffId}:${randomId(8)}`,
    sendAt: now,
    language: "en",
    arrivalDate: localDate(now, property.timeZone),
    link: `${new URL(c.get("env").SELF_URL).origin}/desk/`,
  });
  await insertPlanned(deps.db, [row]);
  await recordAudit(c.get("db"), { staffId: staff.staffId, action: "messages.test", at: now });
  pokeMessages(c, property.id);
  return c.json({ queued: 1 }, 202);
});

messageRoutes.post("/bookings/:ref/resend", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const body = await readJsonBody(c.req.raw, resendRequest);
  if (!body.ok) return body.response;
  const db = c.get("db");
  const booking = await findBooking(db, property.id, c.req.param("ref").toUpperCase());
  if (!booking) return apiErrorResponse(404, "not_found", "There is no booking with that reference at this property.");
  const kind = body.value.kind;
  if (kind === "door-code" && booking.status !== "checked_in") {
    return apiErrorResponse(
      409,
      "not_checked_in",
      "The guest has not checked in yet, so there is no door code to send.",
    );
  }
  if (kind === "invitation" && booking.status !== "confirmed") {
    return apiErrorResponse(
      409,
      "not_invitable",
      "Only a confirmed booking that is not checked in gets an invitation.",
    );
  }
  const version = `resend-${(await resendCount(db, booking.reservationId, kind)) + 1}-${randomId(4)}`;
  const queued = await queueResend(messagesDeps(c.get("env"), db), property.id, booking.reservationId, kind, version);
  if (queued === 0) {
    return apiErrorResponse(409, "no_address", "The booking has no email address or phone number to send to.");
  }
  await recordAudit(db, {
    staffId: staff.staffId,
    action: "booking.resend",
    bookingRef: booking.bookingRef,
    detail: kind,
    at: Date.now(),
  });
  pokeMessages(c, property.id);
  return c.json({ queued }, 202);
});
