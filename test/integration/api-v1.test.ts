// The integrators' API against real sqld + partykit dev: keys created and revoked in the
// desk, reservations upserted, listed, read and cancelled with a key, refused without one
// or with a revoked one, two properties kept apart, bad bodies refused with nothing
// written, the per-key rate limit, and signed webhooks retried until a receiver takes them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { addDays, todayIn } from "../../db/seed";
import { apiKey, reservation, room, webhookDelivery } from "../../db/schema";
import { verifySignature } from "../../domain/webhook-signature";
import { apiReservation, apiReservationsPage, apiRooms, apiWebhookEvent } from "../../shared/api-v1-protocol";
import { deskCreatedApiKey, deskCreatedWebhook, deskIntegrations } from "../../shared/integrations-protocol";
import { GUEST, startSession, waitForState, walkToConfirm } from "../support/checkin-driver";
import { startTestStack, type TestStack } from "../support/stack";
import { addProperty, addStaff, desk, PROPERTY, signIn } from "./desk-helpers";

let stack: TestStack;
let cookie: string;
let key: string;
const today = todayIn("Europe/London");
const API_LIMIT = 100;

beforeAll(async () => {
  stack = await startTestStack({
    WEBHOOK_ALLOW_PRIVATE_URLS: "1",
    WEBHOOK_RETRY_BASE_MS: "300",
    API_LIMIT_PER_MINUTE: String(API_LIMIT),
  });
  cookie = await signIn(stack.url);
  key = await createKey(cookie, "Channel manager");
});

afterAll(async () => {
  await stack?.stop();
});

async function createKey(who: string, name: string): Promise<string> {
  const res = await desk(stack.url, "/integrations/api-keys", who, { method: "POST", body: { name } });
  expect(res.status, res.text).toBe(201);
  return deskCreatedApiKey.parse(res.body).key;
}

interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the body as the route it called answers
  body: any;
  headers: Headers;
}

async function api(
  path: string,
  init: { method?: string; body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  const k = init.key === undefined ? key : init.key;
  if (k) headers.authorization = `Bearer ${k}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${stack.url}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers };
}

const stay = (offset: number, roomId = "room-101") => ({
  roomId,
  checkInDate: addDays(today, offset),
  checkOutDate: addDays(today, offset + 2),
});

describe("keys", () => {
  it("refuses requests without a key, with a malformed one and with an unknown one, in the usual shape", async () => {
    for (const k of [null, "nonsense", `fd_live_${"A".repeat(43)}`]) {
      const res = await api("/reservations", { key: k });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: "unauthorized", message: expect.stringContaining("Bearer") });
    }
  });

  it("shows a key once, stores only its hash, lists it with its last use, and refuses it once revoked", async () => {
    const res = await desk(stack.url, "/integrations/api-keys", cookie, { method: "POST", body: { name: "PMS" } });
    const created = deskCreatedApiKey.parse(res.body);
    expect(created.key).toMatch(/^fd_live_[A-Za-z0-9_-]{43}$/);
    const [row] = await stack.db.select().from(apiKey).where(eq(apiKey.id, created.apiKey.id));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(8));
    expect((await api("/rooms", { key: created.key })).status).toBe(200);

    const list = deskIntegrations.parse((await desk(stack.url, "/integrations", cookie)).body);
    const listed = list.apiKeys.find((k) => k.id === created.apiKey.id)!;
    expect(listed.prefix).toBe(created.key.slice(0, 14));
    expect(JSON.stringify(list)).not.toContain(created.key);
    // The last-used time is written in the background.
    await expect
      .poll(async () => (await stack.db.select().from(apiKey).where(eq(apiKey.id, listed.id)))[0]!.lastUsedAt)
      .not.toBeNull();

    const revoke = await desk(stack.url, `/integrations/api-keys/${created.apiKey.id}/revoke`, cookie, {
      method: "POST",
    });
    expect(revoke.status).toBe(200);
    const after = await api("/rooms", { key: created.key });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthorized");
    const actions = (await auditEntries(stack.db)).map((e) => e.action);
    expect(actions).toContain("apikey.create");
    expect(actions).toContain("apikey.revoke");
  });

  it("lets only managers manage keys", async () => {
    await addStaff(stack.db, {
      id: "staff-plain",
      email: "plain@frontdoor.test",
      role: "staff",
      propertyId: PROPERTY,
      password: "plain-password-123",
    });
    const plain = await signIn(stack.url, "plain@frontdoor.test", "plain-password-123");
    expect((await desk(stack.url, "/integrations", plain)).status).toBe(403);
    expect(
      (await desk(stack.url, "/integrations/api-keys", plain, { method: "POST", body: { name: "x" } })).status,
    ).toBe(403);
  });
});

describe("reservations", () => {
  it("creates by PUT, answers the same body again without a write, updates, lists, gets and cancels", async () => {
    const body = { ...stay(20), expectedGuestName: "Grace  Hopper", expectedGuestEmail: "GRACE@example.com" };
    const created = await api("/reservations/pms0001", { method: "PUT", body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(apiReservation.parse(created.body)).toMatchObject({
      bookingRef: "PMS0001",
      status: "confirmed",
      roomName: "Room 101",
      expectedGuestName: "Grace Hopper",
      expectedGuestEmail: "grace@example.com",
      checkedIn: false,
      source: "api",
    });
    const [stored] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "PMS0001"));

    const again = await api("/reservations/PMS0001", { method: "PUT", body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
    const [storedAgain] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "PMS0001"));
    expect(storedAgain!.updatedAt).toBe(stored!.updatedAt);

    const moved = await api("/reservations/PMS0001", { method: "PUT", body: { ...body, ...stay(21, "room-102") } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ roomId: "room-102", checkInDate: addDays(today, 21) });

    const got = await api("/reservations/pms0001");
    expect(got.status).toBe(200);
    expect(got.body).toEqual(moved.body);

    const listed = apiReservationsPage.parse(
      (await api(`/reservations?from=${addDays(today, 21)}&to=${addDays(today, 21)}&status=confirmed`)).body,
    );
    expect(listed.reservations.map((r) => r.bookingRef)).toEqual(["PMS0001"]);

    const cancelled = await api("/reservations/PMS0001/cancel", { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");
    // A retried cancel is harmless.
    expect((await api("/reservations/PMS0001/cancel", { method: "POST" })).body.status).toBe("cancelled");
    const none = apiReservationsPage.parse(
      (await api(`/reservations?from=${addDays(today, 21)}&to=${addDays(today, 21)}&status=confirmed`)).body,
    );
    expect(none.reservations).toEqual([]);
    // A cancelled booking takes no more edits, in the desk's words.
    const edit = await api("/reservations/PMS0001", { method: "PUT", body: { ...body, ...stay(22) } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe("This booking is cancelled.");
  });

  it("pages by cursor through a date range", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await api(`/reservations/PAGE000${i}`, { method: "PUT", body: stay(40 + (i % 2)) })).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/reservations?from=${addDays(today, 40)}&to=${addDays(today, 41)}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = apiReservationsPage.parse((await api(q)).body);
      expect(page.reservations.length).toBeLessThanOrEqual(2);
      seen.push(...page.reservations.map((r) => r.bookingRef));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["PAGE0000", "PAGE0002", "PAGE0004", "PAGE0001", "PAGE0003"]);
  });

  it("answers bad bodies and queries with clear 400s and writes nothing", async () => {
    const cases: [unknown, string][] = [
      [{ ...stay(30), checkOutDate: addDays(today, 29) }, "checkOutDate"],
      [{ ...stay(30), roomId: "room-nope" }, "roomId"],
      [{ ...stay(30), checkInDate: "31/01/2027" }, "checkInDate"],
      [{ ...stay(30), earlyCheckInTime: "25:00" }, "earlyCheckInTime"],
      [{ ...stay(30), expectedGuestEmail: "not-an-email" }, "expectedGuestEmail"],
      [{ ...stay(30), colour: "blue" }, "body"],
      [{ checkInDate: addDays(today, 30) }, "roomId"],
    ];
    for (const [body, field] of cases) {
      const res = await api("/reservations/BAD0001", { method: "PUT", body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation");
      expect(Object.keys(res.body.error.fields ?? {}).join(" ")).toContain(field);
    }
    const notJson = await api("/reservations/BAD0001", { method: "PUT", body: "{ not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe("invalid_json");
    const badRef = await api("/reservations/no!", { method: "PUT", body: stay(30) });
    expect(badRef.status).toBe(400);
    const text = await fetch(`${stack.url}/api/v1/reservations/BAD0001`, {
      method: "PUT",
      headers: { authorization: `Bearer ${key}`, "content-type": "text/plain" },
      body: JSON.stringify(stay(30)),
    });
    expect(text.status).toBe(415);
    const big = await api("/reservations/BAD0001", {
      method: "PUT",
      body: { ...stay(30), expectedGuestName: "x".repeat(20_000) },
    });
    expect(big.status).toBe(413);
    expect((await api("/reservations?status=lost")).status).toBe(400);
    expect((await api("/reservations?limit=500")).status).toBe(400);
    expect(await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "BAD0001"))).toEqual([]);
  });

  it("refuses to move a checked-in booking whose codes Frontdoor did not make, as the desk does", async () => {
    // FD2001 is the demo's checked-in booking.
    const current = apiReservation.parse((await api("/reservations/FD2001")).body);
    expect(current.checkedIn).toBe(true);
    const res = await api("/reservations/FD2001", {
      method: "PUT",
      body: { roomId: "room-102", checkInDate: current.checkInDate, checkOutDate: current.checkOutDate },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("door codes were not made by Frontdoor");
    const cancel = await api("/reservations/FD2001/cancel", { method: "POST" });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toContain("door codes were not made by Frontdoor");
  });

  it("lists rooms", async () => {
    const rooms = apiRooms.parse((await api("/rooms")).body).rooms;
    expect(rooms.map((r) => r.roomId)).toContain("room-101");
  });

  it("keeps two properties apart: another property's booking is 404, its reference unusable", async () => {
    await addProperty(stack.db, "prop-other");
    await stack.db.insert(room).values({
      id: "room-other-1",
      propertyId: "prop-other",
      name: "Other 1",
      frontDoorLockId: "fd-o",
      roomLockId: "r-o",
    });
    await addStaff(stack.db, {
      id: "mgr-other",
      email: "mgr@other.test",
      role: "manager",
      propertyId: "prop-other",
      password: "other-manager-pass",
    });
    const otherKey = await createKey(await signIn(stack.url, "mgr@other.test", "other-manager-pass"), "Other PMS");
    const mine = await api("/reservations/OTHER001", { method: "PUT", body: stay(10, "room-other-1"), key: otherKey });
    expect(mine.status).toBe(201);

    expect((await api("/reservations/OTHER001")).status).toBe(404);
    expect((await api("/reservations/OTHER001/cancel", { method: "POST" })).status).toBe(404);
    const taken = await api("/reservations/OTHER001", { method: "PUT", body: stay(10) });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).not.toContain("room-other-1");
    // Property A's room does not exist for B's key, and A's bookings are not listed for B.
    expect((await api("/reservations/OTHER002", { method: "PUT", body: stay(10), key: otherKey })).status).toBe(400);
    const bList = apiReservationsPage.parse((await api("/reservations?limit=200", { key: otherKey })).body);
    expect(bList.reservations.map((r) => r.bookingRef)).toEqual(["OTHER001"]);
    expect((await api("/reservations/FD2001", { key: otherKey })).status).toBe(404);
    const [row] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "OTHER001"));
    expect(row!.status).toBe("confirmed");
  });
});

describe("same-origin guard", () => {
  it("lets a server's Bearer call through and still refuses a cross-site browser request with a cookie", async () => {
    const fromServer = await api("/reservations/XS000001", {
      method: "PUT",
      body: stay(50),
      headers: { origin: "https://pms.example" },
    });
    expect(fromServer.status).toBe(201);
    const withCookie = await api("/reservations/XS000002", {
      method: "PUT",
      body: stay(50),
      headers: { origin: "https://evil.example", cookie, "sec-fetch-site": "cross-site" },
    });
    expect(withCookie.status).toBe(403);
  });
});

describe("webhooks", () => {
  let server: Server;
  const received: { body: string; signature: string; status: number }[] = [];
  let failuresLeft = 2;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const status = failuresLeft-- > 0 ? 503 : 200;
        received.push({ body, signature: String(req.headers["frontdoor-signature"] ?? ""), status });
        res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "try later");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("refuses non-HTTPS and private URLs unless the development setting allows them", async () => {
    // This stack allows them (the receiver is on 127.0.0.1); the rule itself is unit-tested.
    const res = await desk(stack.url, "/integrations/webhooks", cookie, { method: "POST", body: { url: "ftp://x" } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.url).toContain("https://");
  });

  it("stores a signed reservation.changed, retries a receiver that fails twice, and logs the attempts", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const reg = await desk(stack.url, "/integrations/webhooks", cookie, { method: "POST", body: { url } });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const { secret, endpoint } = deskCreatedWebhook.parse(reg.body);
    expect(secret).toMatch(/^whsec_/);

    const put = await api("/reservations/HOOK0001", { method: "PUT", body: stay(12) });
    expect(put.status).toBe(201);

    await expect.poll(() => received.filter((r) => r.status === 200).length, { timeout: 30_000 }).toBe(1);
    expect(received.map((r) => r.status)).toEqual([503, 503, 200]);
    // Every attempt sends the same bytes, signed with the endpoint's secret.
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    for (const r of received) expect(await verifySignature(secret, r.body, r.signature, Date.now())).toBe(true);
    expect(await verifySignature("whsec_wrong", received[0]!.body, received[0]!.signature, Date.now())).toBe(false);
    const event = apiWebhookEvent.parse(JSON.parse(received[0]!.body));
    expect(event).toMatchObject({
      type: "reservation.changed",
      data: { reservation: { bookingRef: "HOOK0001", checkedIn: false } },
    });
    expect(event.data.reservation).toEqual(put.body);

    const [delivery] = await stack.db
      .select()
      .from(webhookDelivery)
      .where(and(eq(webhookDelivery.endpointId, endpoint.id), eq(webhookDelivery.eventId, event.id)));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200, nextAttemptAt: null });

    const log = deskIntegrations.parse((await desk(stack.url, "/integrations", cookie)).body);
    expect(log.endpoints.map((e) => e.url)).toEqual([url]);
    expect(JSON.stringify(log)).not.toContain(secret);
    expect(log.deliveries[0]).toMatchObject({ eventType: "reservation.changed", status: "delivered", attempts: 3 });

    // A desk edit is an event too; removing the endpoint stops its deliveries.
    const edit = await desk(stack.url, "/bookings/HOOK0001", cookie, { method: "PUT", body: stay(13) });
    expect(edit.status).toBe(200);
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(4);
    const second = apiWebhookEvent.parse(JSON.parse(received[3]!.body));
    expect(second.data.reservation.checkInDate).toBe(addDays(today, 13));
    expect(second.id).not.toBe(event.id);

    // A CSV import records one event per booking it creates or changes.
    const csv = `Booking ref,Room,Arrival,Departure\nCSVHOOK1,Room 103,${addDays(today, 14)},${addDays(today, 16)}\n`;
    const imported = await fetch(`${stack.url}/api/desk/bookings/import/commit?dateOrder=iso`, {
      method: "POST",
      headers: { cookie, "content-type": "text/csv" },
      body: csv,
    });
    expect(imported.status).toBe(200);
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(5);
    const third = apiWebhookEvent.parse(JSON.parse(received[4]!.body));
    expect(third.data.reservation).toMatchObject({ bookingRef: "CSVHOOK1", roomName: "Room 103", source: "csv" });
    expect(
      (await desk(stack.url, `/integrations/webhooks/${endpoint.id}/remove`, cookie, { method: "POST" })).status,
    ).toBe(200);
    expect((await desk(stack.url, "/integrations", cookie)).body.endpoints).toEqual([]);
  });
});

describe("checkin.completed", () => {
  let server: Server;
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        bodies.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("is stored with the guest's check-in and sent once, without the guest's own details", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/completed`;
    expect((await desk(stack.url, "/integrations/webhooks", cookie, { method: "POST", body: { url } })).status).toBe(
      201,
    );
    const sessionId = await startSession(stack.url, "FD1005");
    const client = await walkToConfirm(stack.url, sessionId);
    await waitForState(client, (s) => s.pin.status === "ready", 60_000);
    client.send({ type: "confirm" });
    await client.nextOfType("completed", 60_000);
    client.close();

    await expect
      .poll(() => bodies.filter((b) => b.includes('"checkin.completed"')).length, { timeout: 30_000 })
      .toBe(1);
    const event = apiWebhookEvent.parse(JSON.parse(bodies.find((b) => b.includes('"checkin.completed"'))!));
    expect(event.data.reservation).toMatchObject({ bookingRef: "FD1005", checkedIn: true, status: "checked_in" });
    expect(event.id).not.toContain(sessionId);
    expect(JSON.stringify(event)).not.toContain(GUEST.fullName);
    expect(JSON.stringify(event)).not.toContain("+447700900123");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a key spends its requests, other keys unaffected", async () => {
    const burst = await createKey(cookie, "Burst");
    let limited: ApiResponse | null = null;
    // A token bucket: it refills as the burst goes on, so allow for the refill.
    for (let i = 0; i < API_LIMIT * 2 && !limited; i++) {
      const res = await api("/rooms", { key: burst });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited!.body.error.code).toBe("rate_limited");
    expect((await api("/rooms")).status).toBe(200);
  });
});
