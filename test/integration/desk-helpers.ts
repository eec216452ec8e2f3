// Staff-side helpers for the desk tests: sign in over the real API and keep the
// cookie, call staff routes with it, and mint tokens the server must refuse.
import { expect } from "vitest";
import type { Database } from "../../db/client";
import { property, staff } from "../../db/schema";
import { hashPassword } from "../../domain/password";
import { signStaffSession, STAFF_COOKIE, type StaffRole } from "../../domain/staff-session";
import { DEFAULT_ADMIN } from "../../scripts/config";
import type { BoardSession } from "../../domain/board";
import { boardMessage, type BoardMessage } from "../../shared/protocol/board-socket";
import { connectRaw, toWsUrl, type RawClient, type RawMessage } from "../support/ws-client";

export const ADMIN = DEFAULT_ADMIN;
export const PROPERTY = "prop-harbour";

let ipCounter = 0;
/** Own client address per sign-in, so the login rate limit of one test never hits another. */
export const staffIp = () => `203.0.113.${++ipCounter}`;

export interface LoginResult {
  status: number;
  body: unknown;
  headers: Headers;
  /** `fd_staff=<token>`, ready for a Cookie header; null when none was set. */
  cookie: string | null;
  setCookie: string | null;
}

export async function login(baseUrl: string, email: string, password: string, ip = staffIp()): Promise<LoginResult> {
  const res = await fetch(`${baseUrl}/api/desk/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip },
    body: JSON.stringify({ email, password }),
  });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${STAFF_COOKIE}=`)) ?? null;
  return {
    status: res.status,
    body: await res.json(),
    headers: res.headers,
    cookie: setCookie ? setCookie.split(";")[0]! : null,
    setCookie,
  };
}

export async function signIn(
  baseUrl: string,
  email: string = ADMIN.email,
  password: string = ADMIN.password,
): Promise<string> {
  const r = await login(baseUrl, email, password);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.cookie).toBeTruthy();
  return r.cookie!;
}

export interface DeskResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the body as the route it called answers
  body: any;
  headers: Headers;
  text: string;
}

export async function desk(
  baseUrl: string,
  path: string,
  cookie: string | null,
  init: { method?: string; body?: unknown } = {},
): Promise<DeskResponse> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${baseUrl}/api/desk${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, headers: res.headers, text };
}

/** A token for `staffId` signed with `secret` at `now`; with the stack's secret and a past `now` it is expired. */
export async function tokenCookie(
  claims: { staffId: string; role: StaffRole; propertyId: string | null },
  secret: string,
  now = Date.now(),
  ttlMs?: number,
): Promise<string> {
  const { token } = await signStaffSession(claims, secret, now, ttlMs);
  return `${STAFF_COOKIE}=${token}`;
}

export function openBoardSocket(baseUrl: string, propertyId: string, cookie: string | null): Promise<RawClient> {
  return connectRaw(toWsUrl(baseUrl, `/parties/frontdesk/${propertyId}`), cookie ? { cookie } : {});
}

/** Adds a staff account straight to the database (arranging, not the API under test). */
export async function addStaff(
  db: Database,
  s: { id: string; email: string; role: StaffRole; propertyId: string | null; password: string },
): Promise<void> {
  await db.insert(staff).values({
    id: s.id,
    email: s.email,
    displayName: s.id,
    role: s.role,
    passwordHash: await hashPassword(s.password),
    propertyId: s.propertyId,
    createdAt: Date.now(),
  });
}

export async function addProperty(db: Database, id: string, timeZone = "Europe/London"): Promise<void> {
  await db
    .insert(property)
    .values({ id, name: `Property ${id}`, timeZone, phone: "+441632960999" })
    .onConflictDoNothing();
}

/**
 * Where the last `nextBoardSession` on a socket stopped inside a batch: the rest of that
 * batch still counts as "after the last one taken", as if each session came alone.
 */
const batchRest = new WeakMap<RawClient, { sessions: BoardSession[]; from: number }>();

function batchOf(raw: RawMessage): BoardSession[] | null {
  const parsed = boardMessage.safeParse(raw.json);
  return parsed.success && parsed.data.type === "sessions" ? parsed.data.sessions : null;
}

/**
 * The next board update (after the last one taken) for `sessionId` that matches. The room
 * sends changes in batches and a session changed twice within one batch arrives once, in
 * its newest form, so wait for a state, not for a particular intermediate update.
 */
export async function nextBoardSession(
  board: RawClient,
  sessionId: string,
  predicate: (s: BoardSession) => boolean = () => true,
  timeoutMs?: number,
): Promise<BoardSession> {
  const matches = (s: BoardSession) => s.sessionId === sessionId && predicate(s);
  const rest = batchRest.get(board);
  const inRest = rest ? rest.sessions.findIndex((s, i) => i >= rest.from && matches(s)) : -1;
  if (rest && inRest >= 0) {
    rest.from = inRest + 1;
    return rest.sessions[inRest]!;
  }
  const m = await board.next((raw) => batchOf(raw)?.some(matches) ?? false, timeoutMs);
  const sessions = batchOf(m)!;
  const index = sessions.findIndex(matches);
  batchRest.set(board, { sessions, from: index + 1 });
  return sessions[index]!;
}

export async function boardSnapshot(board: RawClient): Promise<BoardSession[]> {
  const m = await board.next((raw) => (raw.json as { type?: string } | undefined)?.type === "board");
  // Whatever came before the board is no longer "next".
  batchRest.delete(board);
  return (boardMessage.parse(m.json) as Extract<BoardMessage, { type: "board" }>).sessions;
}
