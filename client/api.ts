// The guest's HTTP calls.
import { fetchJson, type ApiResult } from "./fetch-json";
import { lookupResponse, stayLinkResendResponse, stayResponse } from "../shared/protocol/guest-http";
import type { LookupResponse, StayLinkResendResponse, StayResponse } from "../shared/protocol/guest-http";

/** The reference and its proof (surname, email or phone as booked); a 404 `not-found` body is an answer. */
export function lookup(bookingRef: string, proof: string): Promise<ApiResult<LookupResponse>> {
  return fetchJson("/api/lookup", lookupResponse, { body: { bookingRef, proof }, answerStatuses: [404] });
}

/** A check-in link's token in exchange for a session, answered like a lookup. */
export function openCheckinLink(token: string): Promise<ApiResult<LookupResponse>> {
  return fetchJson("/api/checkin-link", lookupResponse, { body: { token }, answerStatuses: [404] });
}

/** The token goes in the body: a URL would carry it into request logs. */
export function stay(token: string): Promise<ApiResult<StayResponse>> {
  return fetchJson("/api/stay", stayResponse, { body: { token } });
}

/** The stay link sent again to the booking's own contacts: the same proof as the lookup. */
export function resendStayLink(bookingRef: string, proof: string): Promise<ApiResult<StayLinkResendResponse>> {
  return fetchJson("/api/stay-link/resend", stayLinkResendResponse, { body: { bookingRef, proof } });
}
