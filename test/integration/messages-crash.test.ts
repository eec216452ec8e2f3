// Exactly once across a crash: the runtime is SIGKILLed while an invitation is being handed
// to the email provider (the simulated Resend holds every call for seconds). After the
// restart the row still says `sending`; once its claim runs out the job sends it again under
// the same idempotency key, and the provider ends up with one email, not two.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { todayIn, addDays } from "../../db/seed";
import { message, reservation } from "../../db/schema";
import { CLAIM_MS } from "../../domain/messages/retry";
import { internalHeaders } from "../../party/internal-auth";
import { simEmails } from "../../party/messagesim/inspect";
import { startTestStack, type TestStack } from "../support/stack";
import { PROPERTY } from "./desk-helpers";

const INTERNAL = "messages-crash-internal-secret-0123456789";
const SEND_MS = 4000;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ SIM_MESSAGE_LATENCY_MS: String(SEND_MS) }, { internalSecret: INTERNAL });
});

afterAll(async () => {
  await stack?.stop();
});

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`gave up waiting; last seen ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const poke = () =>
  fetch(`${stack.url}/parties/jobs/${PROPERTY}`, {
    method: "POST",
    headers: internalHeaders(INTERNAL),
    body: JSON.stringify({ propertyId: PROPERTY, job: "messages" }),
  });

it(
  "sends one invitation when the runtime is killed mid-send",
  async () => {
    const email = "crash-test@example.com";
    const today = todayIn("Europe/London");
    await stack.db.insert(reservation).values({
      id: "res-crash",
      bookingRef: "FDCRASH1",
      propertyId: PROPERTY,
      roomId: "room-101",
      status: "confirmed",
      checkInDate: addDays(today, 1),
      checkOutDate: addDays(today, 3),
      expectedGuestName: "Rosalind Franklin",
      expectedGuestEmail: email,
      // No phone: SMS quiet hours would make the outcome depend on the time of day.
      expectedGuestPhone: null,
      createdAt: Date.now(),
    });
    const invitation = () =>
      stack.db
        .select()
        .from(message)
        .where(eq(message.reservationId, "res-crash"))
        .then((rows) => rows.filter((m) => m.kind === "invitation" && m.channel === "email"));

    expect((await poke()).status).toBe(200);
    // Claimed and handed over: the simulated provider is holding the call.
    await until(invitation, (rows) => rows[0]?.status === "sending", 30_000);
    await new Promise((r) => setTimeout(r, SEND_MS / 4));
    await stack.stopRuntime("SIGKILL");
    await stack.startRuntime();
    expect((await invitation())[0]?.status).toBe("sending");

    // The claim outlives any real send; after it the job takes the row over and finishes it.
    await poke();
    const [sent] = await until(
      invitation,
      (rows) => rows[0]?.status === "sent" || rows[0]?.status === "delivered",
      CLAIM_MS + 90_000,
    );
    expect(sent!.attempts).toBeGreaterThanOrEqual(1);
    const emails = (await simEmails(stack.url, INTERNAL)).filter((e) => e.to.includes(email));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.idempotency_key).toBe(sent!.idempotencyKey);
  },
  CLAIM_MS + 180_000,
);
