// A board session as a checkin room would report it, for tests of the board's plumbing.
import type { BoardSession } from "../../domain/board";

export function boardSession(sessionId: string, version: number, extra: Partial<BoardSession> = {}): BoardSession {
  const now = Date.now();
  return {
    sessionId,
    bookingRef: `REF-${sessionId}`,
    guestName: null,
    step: "details",
    deviceType: "mobile",
    pinStatus: "idle",
    pinAttempts: 0,
    pinError: null,
    startedAt: now,
    updatedAt: now,
    completedAt: null,
    version,
    ...extra,
  };
}
