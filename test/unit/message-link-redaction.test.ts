// A message accepted by a real provider keeps its body without the link's token; one
// handed to the local simulator keeps the link clickable for the Outbox. The sender runs
// against the real queries on an in-memory SQLite with the committed migrations.
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { MIGRATIONS_FOLDER } from "../../db/migrate";
import * as schema from "../../db/schema";
import { REDACTED_TOKEN, redactLinkTokens } from "../../domain/messages/link-redaction";
import type { MessageChannel, OutgoingMessage, SendOutcome } from "../../party/messages/channel";
import type { MessagesDeps } from "../../party/messages/deps";
import { sendDue } from "../../party/messages/sender";

const STAY = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
const CHECKIN = "zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210-_edcba";

describe("redactLinkTokens", () => {
  it("removes stay and check-in link tokens, in text and in HTML, and nothing else", () => {
    const text = `Your stay: https://fd.example/stay/${STAY}\nCheck in: https://fd.example/checkin/${CHECKIN}.`;
    expect(redactLinkTokens(text)).toBe(
      `Your stay: https://fd.example/stay/${REDACTED_TOKEN}\nCheck in: https://fd.example/checkin/${REDACTED_TOKEN}.`,
    );
    const html = `<a href="https://fd.example/stay/${STAY}">https://fd.example/stay/${STAY}</a>`;
    expect(redactLinkTokens(html)).not.toContain(STAY);
    expect(redactLinkTokens(html)).toContain(`/stay/${REDACTED_TOKEN}"`);
    // Wizard paths, the unsubscribe link and short words after /stay/ are not tokens.
    const others = `https://fd.example/checkin/details/?s=abc https://fd.example/unsubscribe/${STAY}`;
    expect(redactLinkTokens(others)).toBe(others);
    expect(redactLinkTokens(null)).toBeNull();
  });
});

class TestChannel implements MessageChannel {
  readonly provider = "test";
  sent: OutgoingMessage[] = [];
  constructor(readonly channel: "email" | "sms") {}
  async send(m: OutgoingMessage): Promise<SendOutcome> {
    this.sent.push(m);
    return { ok: true, provider: "test", providerMessageId: `pm_${this.sent.length}` };
  }
}

let db: Database;
let email: TestChannel;
let sms: TestChannel;
const NOW = Date.UTC(2026, 11, 1, 12);

function deps(redact: MessagesDeps["redactLinksAfterSend"]): MessagesDeps {
  return {
    db,
    channels: { email, sms },
    secret: "a-test-secret-of-some-length",
    selfUrl: "https://fd.example",
    unsubscribeUrl: async () => "https://fd.example/unsubscribe/x",
    now: () => NOW,
    random: () => 0.5,
    ...(redact ? { redactLinksAfterSend: redact } : {}),
  };
}

async function queue(id: string, channel: "email" | "sms") {
  await db.insert(schema.message).values({
    id,
    propertyId: "p1",
    reservationId: null,
    kind: "door-code",
    channel,
    idempotencyKey: `key-${id}`,
    recipient: channel === "email" ? "ada@example.com" : "+447700900123",
    language: "en",
    subject: channel === "email" ? "Your stay" : null,
    bodyText: `Your stay page: https://fd.example/stay/${STAY}`,
    bodyHtml: channel === "email" ? `<a href="https://fd.example/stay/${STAY}">Open your stay page</a>` : null,
    status: "scheduled",
    sendAt: NOW - 1,
    createdAt: NOW - 1,
    updatedAt: NOW - 1,
  });
}

const stored = async (id: string) => (await db.select().from(schema.message)).find((m) => m.id === id)!;

beforeEach(async () => {
  const client = createClient({ url: ":memory:" });
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  db = drizzle(client, { schema }) as unknown as Database;
  await db.insert(schema.property).values({ id: "p1", name: "Harbour House", timeZone: "Europe/London", phone: "+1" });
  email = new TestChannel("email");
  sms = new TestChannel("sms");
});

describe("after a send", () => {
  it("a real provider's accepted message keeps its body without the token; the guest got the link", async () => {
    await queue("m-email", "email");
    await queue("m-sms", "sms");
    await sendDue(deps({ email: true, sms: false }), "p1", 10_000);
    expect(email.sent[0]!.text).toContain(STAY);
    expect(email.sent[0]!.html).toContain(STAY);
    const e = await stored("m-email");
    expect(e.status).toBe("sent");
    expect(e.bodyText).toBe(`Your stay page: https://fd.example/stay/${REDACTED_TOKEN}`);
    expect(e.bodyHtml).not.toContain(STAY);
    // SMS through the simulator here: the Outbox keeps its link clickable.
    expect((await stored("m-sms")).bodyText).toContain(STAY);
  });

  it("without a real provider every body keeps its link", async () => {
    await queue("m-email", "email");
    await sendDue(deps(undefined), "p1", 10_000);
    expect((await stored("m-email")).bodyHtml).toContain(STAY);
  });
});
