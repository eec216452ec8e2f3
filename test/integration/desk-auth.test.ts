// Staff sign-in and the walls around the desk: the login itself (success, failure,
// rate limit), sign-out, and that every staff route and the frontdesk socket refuse
// a missing, forged, tampered, expired or guest-issued credential before answering.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { guest } from "../../db/schema";
import { deskMe } from "../../shared/protocol/desk-http";
import { apiError } from "../../shared/protocol/errors";
import { INTERNAL_AUTH_HEADER } from "../../shared/protocol/internal";
import { startSession } from "../support/checkin-driver";
import { boardSession } from "../support/board-fixture";
import { startTestStack, type TestStack } from "../support/stack";
import { connectRaw, ConnectError } from "../support/ws-client";
import {
  addProperty,
  addStaff,
  ADMIN,
  desk,
  login,
  openBoardSocket,
  PROPERTY,
  signIn,
  staffIp,
  tokenCookie,
} from "./desk-helpers";

let stack: TestStack;
let adminId: string;

beforeAll(async () => {
  stack = await startTestStack();
  const me = await desk(stack.url, "/me", await signIn(stack.url));
  adminId = deskMe.parse(me.body).staffId;
});

afterAll(async () => {
  await stack?.stop();
});

async function expectRefusedSocket(cookie: string | null, propertyId = PROPERTY) {
  const err = await openBoardSocket(stack.url, propertyId, cookie).then(
    (c) => {
      void c.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err, "the socket opened").toBeInstanceOf(ConnectError);
  expect((err as ConnectError).status).toBe(401);
}

describe("sign-in", () => {
  it("signs in with the admin from the launcher, with a locked-down session cookie", async () => {
    const r = await login(stack.url, "  Admin@FrontDoor.test ", ADMIN.password);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const attrs = r.setCookie!.split(";").map((p) => p.trim().toLowerCase());
    expect(attrs).toContain("httponly");
    expect(attrs).toContain("samesite=strict");
    expect(attrs).toContain("path=/");
    expect(attrs.some((a) => /^max-age=\d+$/.test(a) && Number(a.split("=")[1]) > 0)).toBe(true);
    // Served over plain http here; Secure would make the browser drop it.
    expect(attrs).not.toContain("secure");

    const me = await desk(stack.url, "/me", r.cookie);
    expect(me.status).toBe(200);
    expect(deskMe.parse(me.body)).toMatchObject({
      email: ADMIN.email,
      role: "manager",
      propertyId: PROPERTY,
      propertyName: "Harbour House",
    });
    expect(me.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a wrong password and an unknown email alike, setting no cookie", async () => {
    const wrong = await login(stack.url, ADMIN.email, "not-the-password");
    const unknown = await login(stack.url, "nobody@frontdoor.test", "not-the-password");
    for (const r of [wrong, unknown]) {
      expect(r.status).toBe(401);
      expect(apiError.parse(r.body).error.code).toBe("invalid_credentials");
      expect(r.setCookie).toBeNull();
    }
    expect(wrong.body).toEqual(unknown.body);
  });

  it("validates the body", async () => {
    const res = await fetch(`${stack.url}/api/desk/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": staffIp() },
      body: JSON.stringify({ email: ADMIN.email }),
    });
    expect(res.status).toBe(400);
    expect(apiError.parse(await res.json()).error.fields).toHaveProperty("password");
    const big = await fetch(`${stack.url}/api/desk/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": staffIp() },
      body: JSON.stringify({ email: ADMIN.email, password: "x".repeat(20_000) }),
    });
    expect(big.status).toBe(413);
  });

  it("backs off guesses per account from any address, even for the right password, but only briefly", async () => {
    // A success clears the failures earlier tests left on this account.
    await signIn(stack.url);
    for (let i = 0; i < 5; i++) expect((await login(stack.url, ADMIN.email, `guess-${i}`)).status).toBe(401);
    const limited = await login(stack.url, ADMIN.email, ADMIN.password);
    expect(limited.status).toBe(429);
    expect(limited.setCookie).toBeNull();
    const body = apiError.parse(limited.body);
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBe(body.error.retryAfterSeconds);

    // The wait is seconds, not a lock-out: the manager gets in once it has passed.
    await new Promise((resolve) => setTimeout(resolve, body.error.retryAfterSeconds! * 1000 + 100));
    expect((await login(stack.url, ADMIN.email, ADMIN.password, staffIp())).status).toBe(200);
  });

  it("records each sign-in in the audit log", async () => {
    const before = (await auditEntries(stack.db, { staffId: adminId, action: "login" })).length;
    await signIn(stack.url);
    const after = await auditEntries(stack.db, { staffId: adminId, action: "login" });
    expect(after.length).toBe(before + 1);
  });
});

describe("sign-out", () => {
  it("clears the cookie and revokes that session everywhere, including a copy of it", async () => {
    const cookie = await signIn(stack.url);
    const other = await signIn(stack.url);
    const out = await fetch(`${stack.url}/api/desk/logout`, { method: "POST", headers: { cookie } });
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith("fd_staff="));
    expect(cleared).toMatch(/Max-Age=0/i);

    expect((await desk(stack.url, "/me", cookie)).status).toBe(401);
    await expectRefusedSocket(cookie);
    // Another device's session of the same account is not signed out.
    expect((await desk(stack.url, "/me", other)).status).toBe(200);
    const logouts = await auditEntries(stack.db, { staffId: adminId, action: "logout" });
    expect(logouts.length).toBeGreaterThan(0);
  });
});

describe("every staff surface refuses a bad session before answering", () => {
  const ROUTES: { method: string; path: string; body?: unknown }[] = [
    { method: "GET", path: "/me" },
    { method: "POST", path: "/logout" },
    {
      method: "POST",
      path: "/staff",
      body: { email: "new@frontdoor.test", displayName: "New", password: "long-enough-password" },
    },
    { method: "GET", path: "/arrivals" },
    { method: "GET", path: "/analytics" },
    { method: "GET", path: "/analytics.csv" },
    { method: "POST", path: "/sessions/SESSION/retry-pins" },
    { method: "POST", path: "/sessions/SESSION/manual-pin", body: { pin: "1234" } },
    { method: "POST", path: "/sessions/SESSION/reveal-pin" },
  ];

  let badCookies: Record<string, string | null>;
  let sessionId: string;

  beforeAll(async () => {
    sessionId = await startSession(stack.url, "FD1001");
    const [seeded] = await stack.db
      .select({ token: guest.secureToken })
      .from(guest)
      .where(eq(guest.bookingRef, "FD2001"));
    const secret = stack.vars.SESSION_SECRET!;
    const admin = { staffId: adminId, role: "manager" as const, propertyId: PROPERTY };
    const valid = await tokenCookie({ ...admin, role: "staff" }, secret);
    badCookies = {
      missing: null,
      "wrong secret": await tokenCookie(admin, "some-other-secret-of-length"),
      "role edited": valid.replace(".staff.", ".manager."),
      expired: await tokenCookie(admin, secret, Date.now() - 13 * 3600_000),
      "unknown staff": await tokenCookie({ ...admin, staffId: "staff-nobody" }, secret),
      "guest session id": `fd_staff=${sessionId}`,
      "guest stay token": `fd_staff=${seeded!.token}`,
      garbage: "fd_staff=....",
    };
  });

  it.each(ROUTES)("$method $path", async (route) => {
    for (const [name, cookie] of Object.entries(badCookies)) {
      const r = await desk(stack.url, route.path.replace("SESSION", sessionId), cookie, {
        method: route.method,
        body: route.body,
      });
      expect(r.status, `${name}: ${r.text.slice(0, 200)}`).toBe(401);
      expect(apiError.parse(r.body).error.code, name).toBe("unauthorized");
    }
  });

  it("the frontdesk socket", async () => {
    for (const cookie of Object.values(badCookies)) await expectRefusedSocket(cookie);
    const ok = await openBoardSocket(stack.url, PROPERTY, await signIn(stack.url));
    const first = await ok.next();
    expect((first.json as { type: string }).type).toBe("board");
    await ok.close();
  });

  it("the checkin rooms' feed into the board: only with the internal secret, and never shown the board", async () => {
    const feedUrl = `${stack.url.replace(/^http/, "ws")}/parties/frontdesk/${PROPERTY}`;
    const forged = await connectRaw(feedUrl, {
      [INTERNAL_AUTH_HEADER]: "x".repeat(stack.vars.INTERNAL_SECRET!.length),
    }).then(
      (c) => {
        c.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect((forged as ConnectError).status).toBe(401);

    const feed = await connectRaw(feedUrl, { [INTERNAL_AUTH_HEADER]: stack.vars.INTERNAL_SECRET! });
    const board = await openBoardSocket(stack.url, PROPERTY, await signIn(stack.url));
    await board.next((m) => (m.json as { type: string }).type === "board");
    const session = boardSession("feed-test-session-0000", 1, { bookingRef: "FD1019" });
    feed.send({ type: "session", session, seq: 7 });
    expect((await feed.next()).json).toEqual({ type: "stored", seq: 7, ok: true });
    const seen = await board.next((m) => (m.json as { type: string }).type === "sessions");
    expect(seen.json).toMatchObject({ sessions: [{ sessionId: "feed-test-session-0000", bookingRef: "FD1019" }] });
    // The feed gets answers only: no board, no broadcast.
    expect(feed.messages.map((m) => (m.json as { type: string }).type)).toEqual(["stored"]);
    await Promise.all([feed.close(), board.close()]);
  });

  it("the refused POSTs changed nothing", async () => {
    // The refused POSTs above wrote nothing: no staff account was created.
    expect((await login(stack.url, "new@frontdoor.test", "long-enough-password")).status).toBe(401);
  });
});

describe("roles and properties", () => {
  let staffCookie: string;
  let otherCookie: string;

  beforeAll(async () => {
    await addProperty(stack.db, "prop-other");
    await addStaff(stack.db, {
      id: "staff-desk",
      email: "desk@frontdoor.test",
      role: "staff",
      propertyId: PROPERTY,
      password: "desk-password-1",
    });
    await addStaff(stack.db, {
      id: "staff-other",
      email: "other@frontdoor.test",
      role: "staff",
      propertyId: "prop-other",
      password: "other-password-1",
    });
    staffCookie = await signIn(stack.url, "desk@frontdoor.test", "desk-password-1");
    otherCookie = await signIn(stack.url, "other@frontdoor.test", "other-password-1");
  });

  it("lets only managers add staff, and the new account can sign in", async () => {
    const body = {
      email: "Night.Porter@frontdoor.test",
      displayName: "Night porter",
      password: "night-porter-password",
    };
    expect((await desk(stack.url, "/staff", staffCookie, { method: "POST", body })).status).toBe(403);

    const admin = await signIn(stack.url);
    const created = await desk(stack.url, "/staff", admin, { method: "POST", body });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ email: "night.porter@frontdoor.test", role: "staff", propertyId: PROPERTY });
    expect((await desk(stack.url, "/staff", admin, { method: "POST", body })).status).toBe(409);
    expect(
      (await desk(stack.url, "/staff", admin, { method: "POST", body: { ...body, email: "x@y.z", password: "short" } }))
        .status,
    ).toBe(400);

    const porter = await signIn(stack.url, "night.porter@frontdoor.test", "night-porter-password");
    expect(deskMe.parse((await desk(stack.url, "/me", porter)).body).role).toBe("staff");
    const audit = await auditEntries(stack.db, { staffId: adminId, action: "staff.create" });
    expect(audit.at(-1)?.detail).toContain(created.body.staffId);
  });

  it("keeps staff to their own property's board and sessions", async () => {
    expect(deskMe.parse((await desk(stack.url, "/me", otherCookie)).body).propertyId).toBe("prop-other");
    await expectRefusedSocket(otherCookie, PROPERTY);
    const own = await openBoardSocket(stack.url, "prop-other", otherCookie);
    await own.close();

    const sessionId = await startSession(stack.url, "FD1002");
    const r = await desk(stack.url, `/sessions/${sessionId}/retry-pins`, otherCookie, { method: "POST" });
    expect(r.status).toBe(404);
    const arrivals = await desk(stack.url, "/arrivals", otherCookie);
    expect(arrivals.body.arrivals).toEqual([]);
  });

  it("allows manual PINs only for managers", async () => {
    const sessionId = await startSession(stack.url, "FD1003");
    const r = await desk(stack.url, `/sessions/${sessionId}/manual-pin`, staffCookie, {
      method: "POST",
      body: { pin: "1234" },
    });
    expect(r.status).toBe(403);
  });
});
