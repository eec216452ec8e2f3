// "Send my stay link again" end to end (real sqld + partykit dev, the Resend and Twilio
// adapters against the local message simulator): the proof the lookup needs, the door-code
// message queued once per request to the contacts on the booking and handed to the
// providers, the masked answer, the per-booking limit, opted-out contacts, and the audit row.
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { addDays, DEMO_PROPERTY_ID, DEMO_TIME_ZONE, todayIn } from "../../db/seed";
import { guest, message, messageOptOut, reservation } from "../../db/schema";
import { RESENDS_PER_BOOKING } from "../../domain/stay-link-resend";
import { apiError } from "../../shared/protocol/errors";
import { stayLinkResendResponse } from "../../shared/protocol/guest-http";
import { uniqueIp } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
const today = todayIn(DEMO_TIME_ZONE);

const GUEST_EMAIL = "kate.sheppard@example.com";
const GUEST_PHONE = "+447700900123";

/** A booking checked in on another device: its guest row holds the contacts given at check-in. */
async function checkedIn(ref: string, roomId: string, contact: { email: string | null; phone: string }) {
  const id = `res-${ref}`;
  await stack.db.insert(reservation).values({
    id,
    bookingRef: ref,
    propertyId: DEMO_PROPERTY_ID,
    roomId,
    status: "checked_in",
    checkInDate: today,
    checkOutDate: addDays(today, 2),
    expectedGuestName: "Kate Sheppard",
    expectedGuestSurname: "sheppard",
    expectedGuestEmail: "booked-by-agency@example.com",
    expectedGuestPhone: "+447700900777",
  });
  await stack.db.insert(guest).values({
    id: `guest-${ref}`,
    fullName: "Kate Sheppard",
    phoneE164: contact.phone,
    email: contact.email,
    reservationId: id,
    bookingRef: ref,
    checkInDate: today,
    checkOutDate: addDays(today, 2),
    roomId,
    frontDoorPin: "482913",
    secureToken: `stay${ref}${"x".repeat(36)}`,
    createdAt: Date.now(),
  });
  return id;
}

async function resend(bookingRef: string, proof?: string, extra: Record<string, unknown> = {}, ip = uniqueIp()) {
  const res = await fetch(`${stack.url}/api/stay-link/resend`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify({ bookingRef, ...(proof === undefined ? {} : { proof }), ...extra }),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as unknown, headers: res.headers };
}

const resendRows = (reservationId: string) =>
  stack.db
    .select()
    .from(message)
    .where(and(eq(message.reservationId, reservationId), like(message.idempotencyKey, "%:guest-resend-%")))
    .orderBy(message.channel);

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("send my stay link again", () => {
  it("queues the door-code message once, to the contacts on the booking, and answers them masked", async () => {
    const id = await checkedIn("SLR0001", "room-101", { email: GUEST_EMAIL, phone: GUEST_PHONE });
    // An address typed with the request is not an address: only the booking's are used.
    const res = await resend("slr 0001", " SHEPPARD ", { to: "someone.else@example.net", email: "x@example.net" });
    expect(res.status).toBe(202);
    expect(stayLinkResendResponse.parse(res.json)).toEqual({
      kind: "sent",
      sentTo: [
        { channel: "email", to: "k\u2022\u2022\u2022@example.com" },
        { channel: "sms", to: "\u2022\u2022\u2022\u2022 0123" },
      ],
    });
    expect(res.text).not.toContain("kate.sheppard");
    expect(res.text).not.toContain("900123");

    const rows = await until(
      () => resendRows(id),
      (r) => r.length === 2 && r.every((m) => m.status === "sent" || m.status === "delivered"),
    );
    expect(rows.map((m) => [m.channel, m.kind, m.recipient, m.status === "delivered" ? "sent" : m.status])).toEqual([
      ["email", "door-code", GUEST_EMAIL, "sent"],
      ["sms", "door-code", GUEST_PHONE, "sent"],
    ]);
    expect(rows.every((m) => m.bodyText?.includes("/stay/staySLR0001") ?? false)).toBe(true);
    expect(rows.every((m) => m.attempts === 1)).toBe(true);
    const nothingTyped = await stack.db.select().from(message).where(like(message.recipient, "%example.net"));
    expect(nothingTyped).toEqual([]);

    const audit = await auditEntries(stack.db, { action: "guest.stay-link-resend" });
    expect(audit.filter((a) => a.bookingRef === "SLR0001")).toEqual([
      expect.objectContaining({ staffId: null, detail: "email,sms" }),
    ]);
  });

  it("refuses a reference without its proof, or with a wrong one, and sends nothing", async () => {
    const id = await checkedIn("SLR0002", "room-102", { email: GUEST_EMAIL, phone: GUEST_PHONE });
    const alone = await resend("SLR0002");
    expect(alone.status).toBe(400);
    const wrong = await resend("SLR0002", "Pankhurst");
    expect(wrong.status).toBe(404);
    expect(apiError.parse(wrong.json).error.code).toBe("not_found");
    // The same answer as for a reference that does not exist.
    const unknown = await resend("SLR9999", "Pankhurst");
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe(wrong.text);
    const [booking] = await stack.db.select().from(reservation).where(eq(reservation.id, id));
    expect(booking?.proofFailures).toBe(1);
    expect(await resendRows(id)).toEqual([]);
  });

  it("allows a few sends per booking an hour, then answers 429 with a clear error, whoever asks", async () => {
    const id = await checkedIn("SLR0003", "room-103", { email: GUEST_EMAIL, phone: GUEST_PHONE });
    for (let i = 0; i < RESENDS_PER_BOOKING; i++) {
      expect((await resend("SLR0003", "Kate Sheppard")).status).toBe(202);
    }
    const refused = await resend("SLR0003", "sheppard");
    expect(refused.status).toBe(429);
    const error = apiError.parse(refused.json).error;
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/^Too many requests to send the stay link\. Try again in \d+ seconds\.$/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBe(Number(refused.headers.get("retry-after")));
    // One new version per request, two channels each: nothing for the refused one.
    expect(await resendRows(id)).toHaveLength(RESENDS_PER_BOOKING * 2);
  });

  it("tells the guest honestly when there is no contact it may write to", async () => {
    const id = await checkedIn("SLR0004", "room-104", { email: null, phone: "+447700900444" });
    await stack.db.insert(messageOptOut).values({
      propertyId: DEMO_PROPERTY_ID,
      channel: "sms",
      address: "+447700900444",
      source: "sms-stop",
      createdAt: Date.now(),
    });
    const res = await resend("SLR0004", "sheppard");
    expect(res.status).toBe(200);
    const answer = stayLinkResendResponse.parse(res.json);
    expect(answer.kind).toBe("no-contact");
    // The opted-out number is stored as suppressed for the desk to see, never handed over.
    const rows = await resendRows(id);
    expect(rows.map((m) => [m.channel, m.status])).toEqual([["sms", "suppressed"]]);
    const audit = await auditEntries(stack.db, { action: "guest.stay-link-resend" });
    expect(audit.filter((a) => a.bookingRef === "SLR0004").map((a) => a.detail)).toEqual(["no contact"]);
  });

  it("has nothing to send for a booking that is not checked in", async () => {
    await stack.db.insert(reservation).values({
      id: "res-SLR0005",
      bookingRef: "SLR0005",
      propertyId: DEMO_PROPERTY_ID,
      roomId: "room-105",
      status: "confirmed",
      checkInDate: today,
      checkOutDate: addDays(today, 1),
      expectedGuestName: "Kate Sheppard",
      expectedGuestEmail: GUEST_EMAIL,
    });
    const res = await resend("SLR0005", GUEST_EMAIL);
    expect(res.status).toBe(409);
    expect(apiError.parse(res.json).error.code).toBe("not_checked_in");
    expect(await resendRows("res-SLR0005")).toEqual([]);
  });
});
