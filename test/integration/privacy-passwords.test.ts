// A new password ends the person's other sessions: changing one's own keeps only the session
// that made the change, a password set through a reset link ends every one; their board
// sockets close too (issue 10, privacy and retention).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPasswordLinkResponse } from "../../shared/staff-protocol";
import { startTestStack, type TestStack } from "../support/stack";
import type { RawClient } from "../support/ws-client";
import { desk, openBoardSocket, PROPERTY, signIn } from "./desk-helpers";

const PASSWORD = "correct-horse-battery";
const NEW_PASSWORD = "a-brand-new-passphrase";
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function openBoard(cookie: string): Promise<RawClient> {
  const board = await openBoardSocket(stack.url, PROPERTY, cookie);
  await board.next((m) => (m.json as { type?: string }).type === "board");
  return board;
}

/** The close code, or null when the socket was still open after `ms`. */
async function closeCode(board: RawClient, ms: number): Promise<number | null> {
  const closed = await Promise.race([
    board.closed,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
  return closed ? closed.code : null;
}

async function newColleague(admin: string, email: string): Promise<string> {
  const r = await desk(stack.url, "/staff/invite", admin, {
    method: "POST",
    body: { email, displayName: "Pat Colleague", role: "staff" },
  });
  expect(r.status, r.text).toBe(201);
  const invited = setPasswordLinkResponse.parse(r.body);
  await setPasswordByLink(invited.link, PASSWORD);
  return invited.member.staffId;
}

async function setPasswordByLink(link: string, password: string) {
  const token = new URL(link).hash.slice(1);
  const r = await desk(stack.url, "/set-password", null, { method: "POST", body: { token, password } });
  expect(r.status, r.text).toBe(200);
}

describe("a new password ends other sessions", () => {
  it("changing one's own keeps this session and ends the others, board sockets included", async () => {
    const admin = await signIn(stack.url);
    await newColleague(admin, "changer@frontdoor.test");
    const here = await signIn(stack.url, "changer@frontdoor.test", PASSWORD);
    const elsewhere = await signIn(stack.url, "changer@frontdoor.test", PASSWORD);
    const [hereBoard, elsewhereBoard] = [await openBoard(here), await openBoard(elsewhere)];

    const changed = await desk(stack.url, "/account/password", here, {
      method: "POST",
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.status, changed.text).toBe(200);

    expect(await closeCode(elsewhereBoard, 1_000)).toBe(4401);
    expect((await desk(stack.url, "/me", elsewhere)).status).toBe(401);
    expect((await desk(stack.url, "/me", here)).status).toBe(200);
    expect(await closeCode(hereBoard, 1_000)).toBeNull();
    // A session signed in after the change is not touched by it.
    const later = await signIn(stack.url, "changer@frontdoor.test", NEW_PASSWORD);
    expect((await desk(stack.url, "/me", later)).status).toBe(200);
    hereBoard.close();
  });

  it("a password set through a reset link ends every session of that person", async () => {
    const admin = await signIn(stack.url);
    const staffId = await newColleague(admin, "forgetful@frontdoor.test");
    const first = await signIn(stack.url, "forgetful@frontdoor.test", PASSWORD);
    const second = await signIn(stack.url, "forgetful@frontdoor.test", PASSWORD);
    const boards = [await openBoard(first), await openBoard(second)];

    const reset = await desk(stack.url, `/staff/${staffId}/reset-password`, admin, { method: "POST" });
    expect(reset.status, reset.text).toBe(200);
    await setPasswordByLink(setPasswordLinkResponse.parse(reset.body).link, NEW_PASSWORD);

    for (const board of boards) expect(await closeCode(board, 1_000)).toBe(4401);
    for (const cookie of [first, second]) expect((await desk(stack.url, "/me", cookie)).status).toBe(401);
    expect(
      (await desk(stack.url, "/me", await signIn(stack.url, "forgetful@frontdoor.test", NEW_PASSWORD))).status,
    ).toBe(200);
    // The manager who sent the link is not affected.
    expect((await desk(stack.url, "/me", admin)).status).toBe(200);
  });
});
