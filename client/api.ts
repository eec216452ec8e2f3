// The guest's HTTP calls.
import { fetchJson, type ApiResult } from "./fetch-json";
import { lookupResponse, stayAccessResponse, stayResponse } from "../shared/protocol/guest-http";
import type { LookupResponse, StayResponse } from "../shared/protocol/guest-http";

/** 404 with a `not-found` lookup body is an answer, not a failure. */
export function lookup(bookingRef: string): Promise<ApiResult<LookupResponse>> {
  return fetchJson("/api/lookup", lookupResponse, { body: { bookingRef }, answerStatuses: [404] });
}

/** A check-in link's token in exchange for a session, answered like a lookup. */
export function openCheckinLink(token: string): Promise<ApiResult<LookupResponse>> {
  return fetchJson("/api/checkin-link", lookupResponse, { body: { token }, answerStatuses: [404] });
}

export function stayAccess(bookingRef: string, phoneLast4: string): Promise<ApiResult<{ stayToken: string }>> {
  return fetchJson("/api/stay-access", stayAccessResponse, { body: { bookingRef, phoneLast4 } });
}

export function stay(token: string): Promise<ApiResult<StayResponse>> {
  return fetchJson(`/api/stay/${encodeURIComponent(token)}`, stayResponse);
}
