// Which staff session each dashboard socket belongs to, so the board can close the
// sockets of a session that ended: signed out, the person deactivated, or expired.
// onBeforeConnect (which checked the cookie) stamps the session on the request; the
// stamp a client sent itself is overwritten, and a socket without one never opens.
import { z } from "zod";

export const STAFF_SESSION_HEADER = "x-frontdoor-staff-session";
/** Close code for "your staff session ended": the desk shows the sign-in page. */
export const SESSION_ENDED_CLOSE = 4401;

export const socketStaffSession = z.object({
  staffId: z.string().min(1).max(64),
  expiresAt: z.number().int(),
});
export type SocketStaffSession = z.infer<typeof socketStaffSession>;

/**
 * Sent by the main party: end one session (logout), every session of a person (deactivation,
 * a password set by link), or every one but the session that changed the password (`keepExpiresAt`).
 */
export const endStaffSessions = z.object({
  staffId: z.string().min(1).max(64),
  expiresAt: z.number().int().optional(),
  keepExpiresAt: z.number().int().optional(),
});
export type EndStaffSessions = z.infer<typeof endStaffSessions>;
export const END_STAFF_SESSIONS_PATH = "/end-staff-sessions";

export function stampStaffSession(req: Request, session: SocketStaffSession): Request {
  const headers = new Headers(req.headers);
  headers.set(STAFF_SESSION_HEADER, JSON.stringify(session));
  return new Request(req, { headers });
}

export function readStaffSession(req: Request): SocketStaffSession | null {
  const raw = req.headers.get(STAFF_SESSION_HEADER);
  if (!raw || raw.length > 256) return null;
  try {
    const parsed = socketStaffSession.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function isEndedBy(session: SocketStaffSession, end: EndStaffSessions): boolean {
  return (
    session.staffId === end.staffId &&
    (end.expiresAt === undefined || end.expiresAt === session.expiresAt) &&
    (end.keepExpiresAt === undefined || end.keepExpiresAt !== session.expiresAt)
  );
}
