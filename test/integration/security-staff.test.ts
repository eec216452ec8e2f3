// Staff sessions end for real: sign-out, deactivation and expiry close open board
// sockets; sign-in guessing backs off per account whatever the address; managers run
// their own property's staff through one-time links and never see another property's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries } from "../../db/queries/audit";
import { deskMe } from "../../shared/protocol/desk-http";
import { setPasswordLinkResponse, signInFailuresResponse, staffListResponse } from "../../shared/staff-protocol";
import { startTestStack, type TestStack } from "../support/stack";
import type { RawClient } from "../support/ws-client";
import { addProperty, addStaff, desk, login, openBoardSocket, PROPERTY, signIn, tokenCookie } from "./desk-helpers";

const OTHER_PROPERTY = "prop-other";
const OTHER_MANAGER = {
  id: "staff-other-mgr",
  email: "manager@other.test",
  password: "other-manager-password",
  role: "manager" as const,
};
const PASSWORD = "correct-horse-battery";
let stack: TestStack;
let adminId: string;

beforeAll(async () => {
  stack = await startTestStack();
  adminId = deskMe.parse((await desk(stack.url, "/me", await signIn(stack.url))).body).staffId;
  await addProperty(stack.db, OTHER_PROPERTY);
  await addStaff(stack.db, { ...OTHER_MANAGER, propertyId: OTHER_PROPERTY });
});

afterAll(async () => {
  await stack?.stop();
});

/** Resolves with the close code and how long after `since` the socket closed. */
async function closedWithin(board: RawClient, since: number): Promise<{ code: number; ms: number }> {
  const closed = await Promise.race([
    board.closed,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
  ]);
  expect(closed, "the board socket stayed open").not.toBeNull();
  return { code: closed!.code, ms: Date.now() - since };
}

async function openBoard(cookie: string, propertyId = PROPERTY): Promise<RawClient> {
  const board = await openBoardSocket(stack.url, propertyId, cookie);
  await board.next((m) => (m.json as { type?: string }).type === "board");
  return board;
}

async function invite(cookie: string, email: string, role: "staff" | "manager" = "staff") {
  const r = await desk(stack.url, "/staff/invite", cookie, {
    method: "POST",
    body: { email, displayName: `Name ${email}`, role },
  });
  expect(r.status, r.text).toBe(201);
  return setPasswordLinkResponse.parse(r.body);
}

function tokenOf(link: string): string {
  return new URL(link).hash.slice(1);
}

async function setPassword(token: string, password: string) {
  return desk(stack.url, "/set-password", null, { method: "POST", body: { token, password } });
}

describe("board sockets end with the staff session (issue 10, item 6)", () => {
  it("sign-out closes a board opened before it, within a second", async () => {
    const cookie = await signIn(stack.url);
    const board = await openBoard(cookie);
    const other = await openBoard(await signIn(stack.url));
    const start = Date.now();
    expect((await desk(stack.url, "/logout", cookie, { method: "POST" })).status).toBe(200);
    const closed = await closedWithin(board, start);
    expect(closed.code).toBe(4401);
    expect(closed.ms).toBeLessThan(1_000);
    // Another session of the same person keeps its board.
    expect(other.ws.readyState).toBe(other.ws.OPEN);
    await other.close();
  });

  it("an expiring session's board closes when it expires", async () => {
    const ttlMs = 4_000;
    const issuedAt = Date.now();
    const cookie = await tokenCookie(
      { staffId: adminId, role: "manager", propertyId: PROPERTY },
      stack.vars.SESSION_SECRET!,
      issuedAt,
      ttlMs,
    );
    const board = await openBoard(cookie);
    const closed = await closedWithin(board, issuedAt + ttlMs);
    expect(closed.code).toBe(4401);
    expect(closed.ms).toBeGreaterThanOrEqual(-50);
    expect(closed.ms).toBeLessThan(1_000);
  });
});

describe("sign-in guessing (issue 10, item 5)", () => {
  it("20 wrong passwords from rotating addresses meet a growing per-account wait, and managers see them", async () => {
    await addStaff(stack.db, {
      id: "staff-target",
      email: "target@frontdoor.test",
      role: "staff",
      propertyId: PROPERTY,
      password: PASSWORD,
    });
    const statuses: number[] = [];
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await login(stack.url, "target@frontdoor.test", `wrong-${i}`, `203.0.113.${100 + i}`);
      statuses.push(r.status);
      if (r.status === 429) waits.push(Number(r.headers.get("retry-after")));
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    // Without the backoff all 20 would be 401. On a loaded machine a slow request can outlast
    // the first short waits, so a few more guesses get through before the wait outgrows them.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    // The right password, from yet another address, waits too.
    expect((await login(stack.url, "target@frontdoor.test", PASSWORD, "203.0.113.200")).status).toBe(429);
    // Not a lock-out: after the wait the person gets in.
    await new Promise((resolve) => setTimeout(resolve, Math.max(...waits) * 1000 + 200));
    expect((await login(stack.url, "target@frontdoor.test", PASSWORD, "203.0.113.201")).status).toBe(200);

    const failures = await desk(stack.url, "/sign-in-failures", await signIn(stack.url));
    expect(failures.status).toBe(200);
    const listed = signInFailuresResponse.parse(failures.body).failures.filter((f) => f.staffId === "staff-target");
    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(listed[0]).toMatchObject({ email: "target@frontdoor.test" });
    // Another property's manager sees none of them.
    const elsewhere = await desk(
      stack.url,
      "/sign-in-failures",
      await signIn(stack.url, OTHER_MANAGER.email, OTHER_MANAGER.password),
    );
    expect(signInFailuresResponse.parse(elsewhere.body).failures).toEqual([]);
  });
});

describe("staff management (issue 9, section 1)", () => {
  it("invites someone with a one-time link that sets their password and signs them in", async () => {
    const admin = await signIn(stack.url);
    const invited = await invite(admin, "new.colleague@frontdoor.test");
    expect(invited.link).toMatch(/\/desk\/set-password#[A-Za-z0-9_-]{43}$/);
    expect(invited.expiresAt - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(invited.expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    // Until then nobody can sign in as them.
    expect((await login(stack.url, "new.colleague@frontdoor.test", PASSWORD)).status).toBe(401);

    const token = tokenOf(invited.link);
    const weak = await setPassword(token, "password1234");
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.password).toMatch(/too common/);
    expect((await setPassword(token, "short")).status).toBe(400);
    expect((await setPassword(token, PASSWORD)).status).toBe(200);
    // One time only.
    expect((await setPassword(token, "another-long-password")).status).toBe(410);

    const cookie = await signIn(stack.url, "new.colleague@frontdoor.test", PASSWORD);
    expect(deskMe.parse((await desk(stack.url, "/me", cookie)).body)).toMatchObject({
      role: "staff",
      propertyId: PROPERTY,
    });
    // Staff cannot manage staff.
    expect((await desk(stack.url, "/staff", cookie)).status).toBe(403);

    const list = staffListResponse.parse((await desk(stack.url, "/staff", admin)).body).staff;
    expect(list.find((s) => s.email === "new.colleague@frontdoor.test")).toMatchObject({ active: true, role: "staff" });
    const actions = (await auditEntries(stack.db, { staffId: adminId, action: "staff.invite" })).length;
    expect(actions).toBeGreaterThan(0);
  });

  it("a reset link replaces the earlier one and sets a new password", async () => {
    const admin = await signIn(stack.url);
    const invited = await invite(admin, "reset.me@frontdoor.test");
    const reset = await desk(stack.url, `/staff/${invited.member.staffId}/reset-password`, admin, { method: "POST" });
    expect(reset.status).toBe(200);
    const link = setPasswordLinkResponse.parse(reset.body).link;
    expect((await setPassword(tokenOf(invited.link), PASSWORD)).status).toBe(410);
    expect((await setPassword(tokenOf(link), PASSWORD)).status).toBe(200);
    expect((await login(stack.url, "reset.me@frontdoor.test", PASSWORD)).status).toBe(200);
  });

  it("deactivation ends every session of that person at once, board sockets included", async () => {
    const admin = await signIn(stack.url);
    const invited = await invite(admin, "leaving@frontdoor.test");
    expect((await setPassword(tokenOf(invited.link), PASSWORD)).status).toBe(200);
    const first = await signIn(stack.url, "leaving@frontdoor.test", PASSWORD);
    const second = await signIn(stack.url, "leaving@frontdoor.test", PASSWORD);
    const boards = [await openBoard(first), await openBoard(second)];
    const start = Date.now();
    expect(
      (await desk(stack.url, `/staff/${invited.member.staffId}/deactivate`, admin, { method: "POST" })).status,
    ).toBe(200);
    for (const board of boards) {
      const closed = await closedWithin(board, start);
      expect(closed.code).toBe(4401);
      expect(closed.ms).toBeLessThan(1_000);
    }
    expect((await desk(stack.url, "/me", first)).status).toBe(401);
    expect((await login(stack.url, "leaving@frontdoor.test", PASSWORD)).status).toBe(401);
    const list = staffListResponse.parse((await desk(stack.url, "/staff", admin)).body).staff;
    expect(list.find((s) => s.staffId === invited.member.staffId)?.active).toBe(false);
    expect((await desk(stack.url, `/staff/${adminId}/deactivate`, admin, { method: "POST" })).status).toBe(409);
  });

  it("a manager of one property never sees or changes another property's staff", async () => {
    const admin = await signIn(stack.url);
    const other = await signIn(stack.url, OTHER_MANAGER.email, OTHER_MANAGER.password);
    const mine = await invite(other, "other.staff@other.test");
    const otherList = staffListResponse.parse((await desk(stack.url, "/staff", other)).body).staff;
    expect(otherList.map((s) => s.email).sort()).toEqual([OTHER_MANAGER.email, "other.staff@other.test"]);
    const harbourList = staffListResponse.parse((await desk(stack.url, "/staff", admin)).body).staff;
    expect(harbourList.some((s) => s.email.endsWith("@other.test"))).toBe(false);
    for (const action of ["reset-password", "deactivate"]) {
      expect((await desk(stack.url, `/staff/${adminId}/${action}`, other, { method: "POST" })).status).toBe(404);
      expect((await desk(stack.url, `/staff/${mine.member.staffId}/${action}`, admin, { method: "POST" })).status).toBe(
        404,
      );
    }
    expect((await desk(stack.url, "/me", admin)).status).toBe(200);
  });
});

describe("changing one's own password (issue 9, section 1)", () => {
  it("needs the current password and a strong new one", async () => {
    const admin = await signIn(stack.url);
    const invited = await invite(admin, "changer@frontdoor.test");
    expect((await setPassword(tokenOf(invited.link), PASSWORD)).status).toBe(200);
    const cookie = await signIn(stack.url, "changer@frontdoor.test", PASSWORD);
    const change = (currentPassword: string, newPassword: string) =>
      desk(stack.url, "/account/password", cookie, { method: "POST", body: { currentPassword, newPassword } });
    const wrong = await change("not-my-password", "a-brand-new-passphrase");
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty("currentPassword");
    expect((await change(PASSWORD, "tooshort")).status).toBe(400);
    expect((await change(PASSWORD, "qwerty123456")).status).toBe(400);
    expect((await change(PASSWORD, "changer-2026-passphrase")).status).toBe(400);
    expect((await change(PASSWORD, "a-brand-new-passphrase")).status).toBe(200);
    expect((await login(stack.url, "changer@frontdoor.test", PASSWORD)).status).toBe(401);
    expect((await login(stack.url, "changer@frontdoor.test", "a-brand-new-passphrase")).status).toBe(200);
    expect((await auditEntries(stack.db, { action: "password.change" })).length).toBe(1);
  });
});
