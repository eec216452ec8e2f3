// Which page belongs to which step. The room decides the step; these functions
// only translate it into a URL, so a Back button, a bookmark or a second device can
// never show a step the guest is not on.
import type { PublicSessionState } from "../../domain/checkin-types";
import { stayUrl } from "../stay-link";

export const WIZARD_PATHS = {
  lookup: "/checkin/",
  details: "/checkin/details/",
  parking: "/checkin/parking/",
  confirm: "/checkin/confirm/",
  error: "/checkin/error/",
  notFound: "/checkin/not-found/",
} as const;

/** Pages whose content comes from the live session and which must follow its step. */
const SESSION_PATHS: readonly string[] = [
  WIZARD_PATHS.lookup,
  WIZARD_PATHS.details,
  WIZARD_PATHS.parking,
  WIZARD_PATHS.confirm,
  WIZARD_PATHS.error,
];

export function isSessionPath(path: string): boolean {
  return SESSION_PATHS.includes(path);
}

export function withSession(path: string, sessionId: string): string {
  return `${path}?s=${encodeURIComponent(sessionId)}`;
}

/** Where the guest should be for this state; null when the session is over (expired). */
export function urlForState(state: PublicSessionState): string | null {
  switch (state.step) {
    case "details":
    case "lookup":
      return withSession(WIZARD_PATHS.details, state.sessionId);
    case "parking":
      return withSession(WIZARD_PATHS.parking, state.sessionId);
    case "confirm":
      return withSession(WIZARD_PATHS.confirm, state.sessionId);
    case "error":
      return withSession(WIZARD_PATHS.error, state.sessionId);
    case "completed":
      return state.stayToken ? stayUrl(state.stayToken) : withSession(WIZARD_PATHS.confirm, state.sessionId);
    case "expired":
      return null;
  }
}
