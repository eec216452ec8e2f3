// Managers' own wording per message kind and language: read (the built-in words as a
// template when there is none), preview a draft, save, reset, and send a test of the saved
// words to themselves. Previews and tests render through renderMessage, as the sender does.
import { type Context, Hono } from "hono";
import { recordAudit } from "../../../db/queries/audit";
import { insertPlanned } from "../../../db/queries/message-outbox";
import { messageSettingsOf } from "../../../db/queries/message-settings";
import { resetWording, saveWording, wordingOf } from "../../../db/queries/message-wording";
import type { PropertyRow } from "../../../db/queries/staff";
import { LANGUAGES, type Language } from "../../../domain/languages";
import { GUEST_MESSAGE_KINDS, type GuestMessageKind } from "../../../domain/messages/kinds";
import { addDays } from "../../../domain/messages/local-time";
import { renderMessage, type RenderInput } from "../../../domain/messages/render";
import { smsLength } from "../../../domain/messages/sms-length";
import {
  normaliseWording,
  placeholdersFor,
  standardWording,
  type Wording,
  wordingProblems,
} from "../../../domain/messages/wording";
import { localDate } from "../../../domain/pin-window";
import {
  type WordingPreview,
  type WordingPreviewResponse,
  type WordingResponse,
  wordingBody,
  wordingTestRequest,
} from "../../../shared/messages-protocol";
import { apiErrorResponse, rateLimitedResponse, readJsonBody } from "../../http-json";
import { messagesDeps } from "../../messages/job";
import { messageRow } from "../../messages/planner";
import { pokeMessages } from "../../messages/poke";
import { randomId } from "../../random";
import { takeRateLimit } from "../rate-limit";
import { noProperty, requireManager, type DeskEnv } from "./context";

export const wordingRoutes = new Hono<DeskEnv>();
wordingRoutes.use("/message-wording/*", requireManager);

/** Test sends per staff member, whichever button sent them: enough to try a few wordings, not a mailer. */
export const TEST_SEND_LIMIT = { limit: 5, windowMs: 10 * 60_000 };

/** What a guest's message would carry, with this property's name and a link of real length. */
function sample(
  property: PropertyRow,
  kind: GuestMessageKind,
  language: Language,
  codesInMessages: boolean,
  selfUrl: string,
  now: number,
) {
  const origin = new URL(selfUrl).origin;
  const beforeCheckin = kind === "invitation" || kind === "reminder";
  const arrivalDate = addDays(localDate(now, property.timeZone), 3);
  const code =
    kind === "door-code" && codesInMessages
      ? { code: "123456", startsAt: now + 3 * 86_400_000, endsAt: now + 5 * 86_400_000 }
      : undefined;
  return {
    input: {
      kind,
      language,
      propertyName: property.name,
      propertyPhone: property.phone,
      timeZone: property.timeZone,
      arrivalDate,
      link: `${origin}/${beforeCheckin ? "checkin" : "stay"}/${"x".repeat(43)}`,
      ...(code ? { code } : {}),
    } satisfies Omit<RenderInput, "channel">,
    unsubscribeUrl: `${origin}/unsubscribe/${"x".repeat(60)}`,
  };
}

function preview(s: ReturnType<typeof sample>, wording: Wording): WordingPreview {
  const email = renderMessage({ ...s.input, channel: "email", unsubscribeUrl: s.unsubscribeUrl, wording });
  const sms = renderMessage({ ...s.input, channel: "sms", wording }).text;
  const length = smsLength(sms);
  return {
    subject: email.subject ?? "",
    emailText: email.text,
    emailHtml: email.html ?? "",
    sms,
    smsSegments: length.segments,
    smsEncoding: length.encoding,
  };
}

function problemsOf(s: ReturnType<typeof sample>, kind: GuestMessageKind, codesInMessages: boolean, w: Wording) {
  return wordingProblems(w, {
    kind,
    codesInMessages,
    renderSms: (sms) => renderMessage({ ...s.input, channel: "sms", wording: { ...w, sms } }).text,
  });
}

type Target = { kind: GuestMessageKind; language: Language };

function target(params: { kind?: string; language?: string }): Target | null {
  const kind = GUEST_MESSAGE_KINDS.find((k) => k === params.kind);
  const language = LANGUAGES.find((l) => l === params.language);
  return kind && language ? { kind, language } : null;
}

const notFound = () =>
  apiErrorResponse(404, "not_found", "There is no such message kind or language to word.", {
    fields: { kind: `Use one of ${GUEST_MESSAGE_KINDS.join(", ")}`, language: `Use one of ${LANGUAGES.join(", ")}` },
  });

async function current(c: Context<DeskEnv>, property: PropertyRow, t: Target): Promise<WordingResponse> {
  const db = c.get("db");
  const settings = await messageSettingsOf(db, property.id);
  const saved = await wordingOf(db, property.id, t.kind, t.language);
  const wording = saved ?? standardWording(t.kind, t.language, settings.codesInMessages);
  const s = sample(property, t.kind, t.language, settings.codesInMessages, c.get("env").SELF_URL, Date.now());
  return {
    ...t,
    custom: saved !== null,
    wording,
    placeholders: placeholdersFor(t.kind),
    preview: preview(s, wording),
  };
}

wordingRoutes.get("/message-wording/:kind/:language", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const t = target(c.req.param());
  if (!t) return notFound();
  return c.json(await current(c, property, t));
});

wordingRoutes.post("/message-wording/:kind/:language/preview", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const t = target(c.req.param());
  if (!t) return notFound();
  const body = await readJsonBody(c.req.raw, wordingBody);
  if (!body.ok) return body.response;
  const settings = await messageSettingsOf(c.get("db"), property.id);
  const s = sample(property, t.kind, t.language, settings.codesInMessages, c.get("env").SELF_URL, Date.now());
  const draft = normaliseWording(body.value);
  const problems = problemsOf(s, t.kind, settings.codesInMessages, draft);
  // A draft with problems still shows what it can; only one the sender could not use at all shows none.
  const usable = !problems.subject && !problems.body && (!problems.sms || /segments/.test(problems.sms));
  const response: WordingPreviewResponse = { preview: usable ? preview(s, draft) : null, problems };
  return c.json(response);
});

wordingRoutes.put("/message-wording/:kind/:language", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const t = target(c.req.param());
  if (!t) return notFound();
  const body = await readJsonBody(c.req.raw, wordingBody);
  if (!body.ok) return body.response;
  const db = c.get("db");
  const settings = await messageSettingsOf(db, property.id);
  const now = Date.now();
  const s = sample(property, t.kind, t.language, settings.codesInMessages, c.get("env").SELF_URL, now);
  const wording = normaliseWording(body.value);
  const problems = problemsOf(s, t.kind, settings.codesInMessages, wording);
  if (Object.keys(problems).length > 0) {
    return apiErrorResponse(400, "validation", "Check the wording.", { fields: problems });
  }
  await saveWording(db, { propertyId: property.id, ...t, staffId: staff.staffId, now }, wording);
  const detail = `${t.kind} ${t.language} saved`;
  await recordAudit(db, { staffId: staff.staffId, action: "messages.wording", detail, at: now });
  return c.json(await current(c, property, t));
});

wordingRoutes.delete("/message-wording/:kind/:language", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const t = target(c.req.param());
  if (!t) return notFound();
  const db = c.get("db");
  if (await resetWording(db, property.id, t.kind, t.language)) {
    const detail = `${t.kind} ${t.language} reset`;
    await recordAudit(db, { staffId: staff.staffId, action: "messages.wording", detail, at: Date.now() });
  }
  return c.json(await current(c, property, t));
});

/** The saved words of one kind with sample data, to the signed-in staff member only: never to a guest. */
wordingRoutes.post("/message-wording/:kind/:language/test", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const t = target(c.req.param());
  if (!t) return notFound();
  const body = await readJsonBody(c.req.raw, wordingTestRequest);
  if (!body.ok) return body.response;
  if (body.value.channel === "sms") {
    return apiErrorResponse(
      409,
      "no_phone",
      "Staff accounts have no phone number, so Frontdoor cannot send you a test SMS. The preview shows the SMS.",
    );
  }
  const refused = await testSendRefusal(c, staff.staffId);
  if (refused) return refused;
  const deps = messagesDeps(c.get("env"), c.get("db"));
  const now = Date.now();
  const settings = await messageSettingsOf(deps.db, property.id);
  const s = sample(property, t.kind, t.language, settings.codesInMessages, c.get("env").SELF_URL, now);
  const wording = await wordingOf(deps.db, property.id, t.kind, t.language);
  const row = await messageRow(deps, property, {
    reservationId: null,
    kind: "test",
    testOf: t.kind,
    channel: "email",
    to: staff.email,
    key: `test:${staff.staffId}:${randomId(8)}`,
    sendAt: now,
    language: t.language,
    arrivalDate: s.input.arrivalDate,
    link: s.input.link,
    ...(s.input.code ? { code: s.input.code } : {}),
    ...(wording ? { wording } : {}),
  });
  await insertPlanned(deps.db, [row]);
  const detail = `${t.kind} ${t.language} email`;
  await recordAudit(deps.db, { staffId: staff.staffId, action: "messages.test", detail, at: now });
  pokeMessages(c, property.id);
  return c.json({ queued: 1, to: staff.email }, 202);
});

export async function testSendRefusal(c: Context<DeskEnv>, staffId: string): Promise<Response | null> {
  const limit = await takeRateLimit(c.get("env"), c.env.lobby.parties, `message-test:${staffId}`, TEST_SEND_LIMIT);
  return limit.allowed ? null : rateLimitedResponse(limit.retryAfterSeconds, "test messages");
}
