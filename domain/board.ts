// The front desk's live list. Updates can arrive out of order (several HTTP calls in
// flight from one session), so a session's entry only moves forward in version.
import type { BoardSession } from "../shared/protocol";

/** Finished sessions stay on the board for a working day, then drop off. */
export const BOARD_RETENTION_MS = 24 * 3600_000;

export function mergeBoardSession(current: BoardSession | undefined, incoming: BoardSession): BoardSession | null {
  if (current && current.version >= incoming.version) return null;
  return incoming;
}

export function isStale(session: BoardSession, now: number): boolean {
  return now - session.updatedAt > BOARD_RETENTION_MS;
}
