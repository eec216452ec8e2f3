// Every run, for one property: which messages are due now, as rows written under their
// idempotency key before anything is sent. A key already stored (an earlier run, a racing
// one) is skipped, so planning twice plans once.
import { eq } from "drizzle-orm";
import {
  type BookingToMessage,
  bookingsToMessage,
  existingKeys,
  insertPlanned,
  type NewMessageRow,
} from "../../db/queries/message-outbox";
import { type MessageSettings, messageSettingsOf } from "../../db/queries/message-settings";
import { wordingKey, wordingsOf } from "../../db/queries/message-wording";
import { isOptedOut } from "../../db/queries/messages";
import { property } from "../../db/schema";
import { LANGUAGES, type Language } from "../../domain/languages";
import { codeVersion, idempotencyKey } from "../../domain/messages/idempotency";
import { CHANNELS, type Channel, type GuestMessageKind } from "../../domain/messages/kinds";
import { addDays, localDate } from "../../domain/messages/local-time";
import { renderMessage } from "../../domain/messages/render";
import { afterQuietHours, INVITATION_DAYS_BEFORE, messagesFor } from "../../domain/messages/schedule";
import type { Wording } from "../../domain/messages/wording";
import { pinWindow } from "../../domain/pin-window";
import { issueCheckinLink } from "../checkin-link-issue";
import { randomId } from "../random";
import type { MessagesDeps } from "./deps";

export type PropertyRow = typeof property.$inferSelect;

const KIND_SETTING: Record<GuestMessageKind, keyof MessageSettings> = {
  invitation: "invitation",
  reminder: "reminder",
  "door-code": "doorCode",
  "code-confirmed": "codeConfirmed",
};

/** Before check-in, the booking's expected guest; after, the guest's own details only. */
export function addressFor(b: BookingToMessage, kind: GuestMessageKind, channel: Channel): string | null {
  const beforeCheckin = kind === "invitation" || kind === "reminder";
  if (channel === "email") return (beforeCheckin ? b.expectedEmail : b.guest?.email) ?? null;
  return (beforeCheckin ? b.expectedPhone : (b.guest?.phone ?? b.expectedPhone)) ?? null;
}

const languageOf = (raw: string | null): Language => (LANGUAGES.includes(raw as Language) ? (raw as Language) : "en");

interface Candidate {
  b: BookingToMessage;
  kind: GuestMessageKind;
  channel: Channel;
  to: string;
  sendAt: number;
  key: string;
  code?: { code: string; startsAt: number; endsAt: number };
}

/** Stores what is due; answers the earliest time something not yet due will be. */
export async function planMessages(deps: MessagesDeps, propertyId: string): Promise<number | null> {
  const now = deps.now();
  const [prop] = await deps.db.select().from(property).where(eq(property.id, propertyId)).limit(1);
  if (!prop) return null;
  const settings = await messageSettingsOf(deps.db, propertyId);
  const today = localDate(now, prop.timeZone);
  const bookings = await bookingsToMessage(deps.db, propertyId, today, addDays(today, INVITATION_DAYS_BEFORE + 1));
  const candidates: Candidate[] = [];
  let later = Infinity;
  for (const b of bookings) {
    for (const due of messagesFor(b, prop, now)) {
      if (!settings[KIND_SETTING[due.kind]]) continue;
      const code = due.kind === "door-code" ? await doorCode(b, prop) : undefined;
      const version = code ? await codeVersion(deps.secret, code.code, code.startsAt, code.endsAt) : undefined;
      for (const channel of CHANNELS) {
        const to = addressFor(b, due.kind, channel);
        if (!to) continue;
        const sendAt = afterQuietHours(due.kind, channel, due.at, b, prop.timeZone);
        if (sendAt > now) {
          later = Math.min(later, sendAt);
          continue;
        }
        const key = idempotencyKey(b.reservationId, due.kind, channel, version);
        candidates.push({ b, kind: due.kind, channel, to, sendAt, key, ...(code ? { code } : {}) });
      }
    }
  }
  const stored = await existingKeys(
    deps.db,
    candidates.map((c) => c.key),
  );
  const rows: NewMessageRow[] = [];
  const wordings = candidates.length > 0 ? await wordingsOf(deps.db, propertyId) : new Map<string, Wording>();
  for (const c of candidates) {
    if (stored.has(c.key)) continue;
    rows.push(await buildRow(deps, prop, settings, wordings, c));
  }
  await insertPlanned(deps.db, rows);
  return later === Infinity ? null : later;
}

async function doorCode(b: BookingToMessage, p: PropertyRow) {
  if (!b.guest?.frontDoorPin) return undefined;
  const window = pinWindow({ ...b, ...p });
  return { code: b.guest.frontDoorPin, startsAt: window.startsAt, endsAt: window.endsAt };
}

export interface RowInput {
  reservationId: string | null;
  kind: NewMessageRow["kind"];
  channel: Channel;
  to: string;
  key: string;
  sendAt: number;
  language: Language;
  arrivalDate: string;
  link: string;
  code?: { code: string; startsAt: number; endsAt: number };
  /** The property's own wording for this kind and language, if it has one. */
  wording?: Wording;
  /** A staff member's test of this kind's words: stored as kind "test", its subject or SMS marked [Test]. */
  testOf?: GuestMessageKind;
}

/** Renders a message into its row, opted-out addresses stored as suppressed so the desk sees why. */
export async function messageRow(deps: MessagesDeps, prop: PropertyRow, input: RowInput): Promise<NewMessageRow> {
  const now = deps.now();
  const id = `msg_${randomId(12)}`;
  const rendered = renderMessage({
    kind: input.testOf ?? input.kind,
    channel: input.channel,
    language: input.language,
    propertyName: prop.name,
    propertyPhone: prop.phone,
    timeZone: prop.timeZone,
    arrivalDate: input.arrivalDate,
    link: input.link,
    ...(input.code ? { code: input.code } : {}),
    ...(input.wording ? { wording: input.wording } : {}),
    ...(input.channel === "email" ? { unsubscribeUrl: await deps.unsubscribeUrl(prop.id, input.to) } : {}),
  });
  const optedOut = input.kind !== "test" && (await isOptedOut(deps.db, prop.id, input.channel, input.to));
  return {
    id,
    propertyId: prop.id,
    reservationId: input.reservationId,
    kind: input.kind,
    channel: input.channel,
    idempotencyKey: input.key,
    recipient: input.to,
    language: input.language,
    subject: input.testOf && rendered.subject !== null ? `[Test] ${rendered.subject}` : rendered.subject,
    bodyText: input.testOf && input.channel === "sms" ? `[Test] ${rendered.text}` : rendered.text,
    bodyHtml: rendered.html,
    status: optedOut ? "suppressed" : "scheduled",
    statusDetail: optedOut ? "Not sent: this address asked for no more messages." : null,
    sendAt: input.sendAt,
    createdAt: now,
    updatedAt: now,
  };
}

async function buildRow(
  deps: MessagesDeps,
  prop: PropertyRow,
  settings: MessageSettings,
  wordings: Map<string, Wording>,
  c: Candidate,
) {
  const language = languageOf(c.b.language);
  const wording = wordings.get(wordingKey(c.kind, language));
  const link =
    c.kind === "invitation" || c.kind === "reminder"
      ? await issueCheckinLink(deps.db, deps.secret, deps.selfUrl, c.b.reservationId)
      : `${new URL(deps.selfUrl).origin}/stay/${c.b.guest!.secureToken}`;
  return messageRow(deps, prop, {
    reservationId: c.b.reservationId,
    kind: c.kind,
    channel: c.channel,
    to: c.to,
    key: c.key,
    sendAt: c.sendAt,
    language,
    arrivalDate: c.b.checkInDate,
    link,
    ...(c.code && settings.codesInMessages ? { code: c.code } : {}),
    ...(wording ? { wording } : {}),
  });
}

/**
 * Staff asked to send a booking's invitation or door code again: one new row per channel
 * the booking has an address for, under a new version of the key. Answers how many.
 */
export async function queueResend(
  deps: MessagesDeps,
  propertyId: string,
  reservationId: string,
  kind: "invitation" | "door-code",
  version: string,
): Promise<number> {
  return (await queueResendRows(deps, propertyId, reservationId, kind, version)).length;
}

/** As queueResend, answering the rows stored (a suppressed one is stored too, and says so in its status). */
export async function queueResendRows(
  deps: MessagesDeps,
  propertyId: string,
  reservationId: string,
  kind: "invitation" | "door-code",
  version: string,
): Promise<NewMessageRow[]> {
  const [prop] = await deps.db.select().from(property).where(eq(property.id, propertyId)).limit(1);
  const [b] = await bookingsToMessage(deps.db, propertyId, "", "", 1, reservationId);
  if (!prop || !b) return [];
  if (kind === "door-code" && !b.guest) return [];
  const settings = await messageSettingsOf(deps.db, propertyId);
  const code = kind === "door-code" ? await doorCode(b, prop) : undefined;
  const wordings = await wordingsOf(deps.db, propertyId);
  const rows: NewMessageRow[] = [];
  for (const channel of CHANNELS) {
    const to = addressFor(b, kind, channel);
    if (!to) continue;
    const key = idempotencyKey(b.reservationId, kind, channel, version);
    rows.push(
      await buildRow(deps, prop, settings, wordings, {
        b,
        kind,
        channel,
        to,
        sendAt: deps.now(),
        key,
        ...(code ? { code } : {}),
      }),
    );
  }
  await insertPlanned(deps.db, rows);
  return rows;
}
