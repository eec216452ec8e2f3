// A property's own message wording end to end (real sqld + partykit dev, Resend and Twilio
// adapters against the local message simulator): the editor's routes refuse bad templates
// with field errors, a saved wording is what the next real invitation says (by email and
// SMS), a test send goes to the signed-in manager only, marked as a test and limited, and
// one property's wording is invisible to and untouched by another's staff.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { addDays, todayIn } from "../../db/seed";
import { message, property } from "../../db/schema";
import { localHour } from "../../domain/messages/local-time";
import { simEmails, simSms } from "../../party/messagesim/inspect";
import { outboxResponse, wordingPreviewResponse, wordingResponse } from "../../shared/messages-protocol";
import { startTestStack, type TestStack } from "../support/stack";
import { ADMIN, addProperty, addStaff, desk, PROPERTY, signIn } from "./desk-helpers";

const INTERNAL = "wording-test-internal-secret-0123456789";
let stack: TestStack;
let manager: string;
// The property is moved to a zone where it is daytime now, so the invitation's SMS is not
// held for quiet hours and both channels go while the test watches.
const DAY_ZONE = [
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "Pacific/Honolulu",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Sydney",
].find((z) => localHour(Date.now(), z) >= 9 && localHour(Date.now(), z) < 18)!;
const today = todayIn(DAY_ZONE);

beforeAll(async () => {
  stack = await startTestStack({}, { internalSecret: INTERNAL });
  await stack.db.update(property).set({ timeZone: DAY_ZONE }).where(eq(property.id, PROPERTY));
  manager = await signIn(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

const went = (status: string) => status === "sent" || status === "delivered";

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const OURS = {
  subject: "Your room at {property} is nearly ready",
  body: "Dear guest,\n\nWe look forward to {arrival}. <Bring> walking boots & a smile.\nRing {phone} if lost.",
  sms: "{property}: see you {arrival}! Check in here: {link}",
};

describe("editing the wording", () => {
  it("starts from the built-in words in the chosen language, with that kind's placeholders", async () => {
    const got = await desk(stack.url, "/message-wording/invitation/fr", manager);
    expect(got.status).toBe(200);
    const body = wordingResponse.parse(got.body);
    expect(body.custom).toBe(false);
    expect(body.wording.sms).toContain("{link}");
    expect(body.wording.subject).toContain("{property}");
    expect(body.placeholders).toEqual(["property", "arrival", "link", "phone"]);
    expect(body.preview.sms).toContain("Harbour House");
    expect(body.preview.emailHtml).toContain('lang="fr"');
    expect((await desk(stack.url, "/message-wording/door-code/xx", manager)).status).toBe(404);
    expect((await desk(stack.url, "/message-wording/test/en", manager)).status).toBe(404);
  });

  it("previews a draft as the sender renders it and says what is wrong before saving", async () => {
    const ok = await desk(stack.url, "/message-wording/invitation/en/preview", manager, { method: "POST", body: OURS });
    const preview = wordingPreviewResponse.parse(ok.body);
    expect(preview.problems).toEqual({});
    expect(preview.preview!.subject).toBe("Your room at Harbour House is nearly ready");
    expect(preview.preview!.emailHtml).toContain("&lt;Bring&gt; walking boots &amp; a smile.<br>Ring +441632960000");
    expect(preview.preview!.smsSegments).toBe(1);
    const bad = await desk(stack.url, "/message-wording/invitation/en/preview", manager, {
      method: "POST",
      body: { ...OURS, subject: "Hi {name}", sms: `{property}: ${"long ".repeat(70)}{link}` },
    });
    const problems = wordingPreviewResponse.parse(bad.body).problems;
    expect(problems.subject).toMatch(/uses \{name\}, which is not a placeholder/);
    expect(problems.sms).toMatch(/^The SMS takes 3 segments/);
  });

  it("refuses to save a wording with problems, one sentence per field", async () => {
    const put = await desk(stack.url, "/message-wording/invitation/en", manager, {
      method: "PUT",
      body: { subject: "", body: "Hello {code}", sms: "{property}: check in online" },
    });
    expect(put.status).toBe(400);
    expect(put.body.error.fields).toEqual({
      subject: "Enter the subject",
      body: expect.stringMatching(/uses \{code\}, which is not a placeholder/),
      sms: "The SMS must include {link}: it is the only way the guest reaches their page",
    });
    expect(wordingResponse.parse((await desk(stack.url, "/message-wording/invitation/en", manager)).body).custom).toBe(
      false,
    );
  });

  it("uses a saved wording for the next real invitation, by email and SMS, with the footer still added", async () => {
    const put = await desk(stack.url, "/message-wording/invitation/en", manager, { method: "PUT", body: OURS });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(wordingResponse.parse(put.body).custom).toBe(true);
    const audit = await auditEntries(stack.db, { action: "messages.wording" });
    expect(audit.map((a) => a.detail)).toContain("invitation en saved");

    const booked = await desk(stack.url, "/bookings", manager, {
      method: "POST",
      body: {
        roomId: "room-102",
        checkInDate: addDays(today, 1),
        checkOutDate: addDays(today, 3),
        expectedGuestName: "Ada Wording",
        expectedGuestEmail: "ada.wording@example.com",
        expectedGuestPhone: "07700 900777",
      },
    });
    expect(booked.status).toBe(201);
    const reservationId = (booked.body as { reservationId: string }).reservationId;
    const rows = await until(
      () => stack.db.select().from(message).where(eq(message.reservationId, reservationId)),
      (r) => r.filter((m) => m.kind === "invitation" && went(m.status)).length === 2,
    );
    const email = rows.find((m) => m.kind === "invitation" && m.channel === "email")!;
    const sms = rows.find((m) => m.kind === "invitation" && m.channel === "sms")!;
    expect(went(email.status) && went(sms.status)).toBe(true);
    expect(email.subject).toBe("Your room at Harbour House is nearly ready");
    expect(email.bodyText).toMatch(/^Dear guest,\n\nWe look forward to \w{3},? \d{1,2} \w{3}\. <Bring> walking boots/);
    expect(email.bodyText).toMatch(/Check in online: http:\/\/[^/]+\/checkin\/[\w-]{20,}/);
    expect(email.bodyText).toContain("Questions? Call Harbour House on +441632960000.");
    expect(email.bodyText).toMatch(/Stop these emails: http:\/\/[^/]+\/unsubscribe\//);
    expect(email.bodyHtml).toContain("&lt;Bring&gt; walking boots &amp; a smile.");
    expect(sms.bodyText).toMatch(/^Harbour House: see you \d{1,2} \w{3}! Check in here: http:\/\/[^/]+\/checkin\//);

    const delivered = await simEmails(stack.url, INTERNAL);
    const sent = delivered.find((e) => e.to.includes("ada.wording@example.com"))!;
    expect(sent.subject).toBe("Your room at Harbour House is nearly ready");
    expect(sent.html).toContain("&lt;Bring&gt;");
    const texts = await simSms(stack.url, INTERNAL);
    expect(texts.find((t) => t.to === "+447700900777")?.body).toBe(sms.bodyText);
  });

  it("sends a test of the saved wording to the signed-in manager only, marked as a test in the Outbox", async () => {
    const res = await desk(stack.url, "/message-wording/invitation/en/test", manager, {
      method: "POST",
      body: { channel: "email" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toEqual({ queued: 1, to: ADMIN.email });
    const [row] = await until(
      () =>
        stack.db
          .select()
          .from(message)
          .where(and(eq(message.kind, "test"), eq(message.recipient, ADMIN.email))),
      (r) => r.length === 1 && went(r[0]!.status),
    );
    expect(row!.reservationId).toBeNull();
    expect(went(row!.status)).toBe(true);
    expect(row!.subject).toBe("[Test] Your room at Harbour House is nearly ready");
    expect(row!.bodyText).toContain("walking boots");
    const sim = (await simEmails(stack.url, INTERNAL)).filter((e) => e.subject.startsWith("[Test]"));
    expect(sim.map((e) => e.to)).toEqual([[ADMIN.email]]);
    const outbox = outboxResponse.parse((await desk(stack.url, "/outbox", manager)).body).messages;
    expect(outbox[0]).toMatchObject({ kind: "test", recipient: ADMIN.email, bookingRef: null });
    const audit = await auditEntries(stack.db, { action: "messages.test" });
    expect(audit.map((a) => a.detail)).toContain("invitation en email");

    const sms = await desk(stack.url, "/message-wording/invitation/en/test", manager, {
      method: "POST",
      body: { channel: "sms" },
    });
    expect(sms.status).toBe(409);
    expect(sms.body.error.code).toBe("no_phone");
  });

  it("limits test sends per staff member", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await desk(stack.url, "/message-wording/reminder/de/test", manager, {
        method: "POST",
        body: { channel: "email" },
      });
      statuses.push(r.status);
      if (r.status === 429) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Five a ten-minute bucket, refilled evenly: one went in the test before, so four more
    // pass at once (a fifth only if two minutes passed since) and the rest are refused.
    expect(statuses.slice(0, 4)).toEqual([202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429]);
    const old = await desk(stack.url, "/message-settings/test", manager, { method: "POST" });
    expect(old.status).toBe(429);
  });

  it("keeps one property's wording from another's staff, and lets only managers edit", async () => {
    await addProperty(stack.db, "prop-wording-other");
    await addStaff(stack.db, {
      id: "staff-wording-other",
      email: "wording-other@frontdoor.test",
      role: "manager",
      propertyId: "prop-wording-other",
      password: "another-long-password-2",
    });
    await addStaff(stack.db, {
      id: "staff-wording-clerk",
      email: "wording-clerk@frontdoor.test",
      role: "staff",
      propertyId: "prop-harbour",
      password: "another-long-password-3",
    });
    const other = await signIn(stack.url, "wording-other@frontdoor.test", "another-long-password-2");
    const theirs = wordingResponse.parse((await desk(stack.url, "/message-wording/invitation/en", other)).body);
    expect(theirs.custom).toBe(false);
    expect(theirs.wording.subject).not.toContain("nearly ready");
    expect(theirs.preview.subject).toContain("Property prop-wording-other");
    const reset = await desk(stack.url, "/message-wording/invitation/en", other, { method: "DELETE" });
    expect(reset.status).toBe(200);
    expect(wordingResponse.parse((await desk(stack.url, "/message-wording/invitation/en", manager)).body).custom).toBe(
      true,
    );

    const clerk = await signIn(stack.url, "wording-clerk@frontdoor.test", "another-long-password-3");
    expect((await desk(stack.url, "/message-wording/invitation/en", clerk)).status).toBe(403);
    const put = await desk(stack.url, "/message-wording/invitation/en", clerk, { method: "PUT", body: OURS });
    expect(put.status).toBe(403);
    expect((await desk(stack.url, "/message-wording/invitation/en", null)).status).toBe(401);
  });

  it("goes back to the standard wording on reset", async () => {
    const reset = await desk(stack.url, "/message-wording/invitation/en", manager, { method: "DELETE" });
    const body = wordingResponse.parse(reset.body);
    expect(body.custom).toBe(false);
    expect(body.wording.subject).toBe("Check in online for your stay at {property}");
    const audit = await auditEntries(stack.db, { action: "messages.wording" });
    expect(audit.map((a) => a.detail)).toContain("invitation en reset");
  });
});
