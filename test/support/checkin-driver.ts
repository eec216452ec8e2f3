// Drives the guest side of the engine over its real HTTP and websocket surfaces, so
// integration tests read as the steps a guest takes.
import { expect } from "vitest";
import type { PublicSessionState } from "../../domain/checkin-types";
import { lookupResponse, type LookupResponse } from "../../shared/protocol/guest-http";
import { connectCheckin, type CheckinClient } from "./ws-client";
import { seamSimCodes, type SimListedCode } from "../../party/seamsim/inspect";
import { demoSurname } from "../../db/seed";

let ipCounter = 0;
/** A fresh client address per caller, so rate limits of one test don't spill into another. */
export const uniqueIp = () => `198.51.100.${++ipCounter}`;

/**
 * A typed lookup: the reference and its proof, by default the demo booking's surname
 * (a made-up one for references the demo does not have).
 */
export async function lookup(
  baseUrl: string,
  bookingRef: string,
  ip = uniqueIp(),
  proof = demoSurname(bookingRef) ?? "Nobody",
): Promise<{ status: number; body: LookupResponse | unknown; headers: Headers; text: string }> {
  const res = await fetch(`${baseUrl}/api/lookup`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "cf-connecting-ip": ip,
      "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148",
    },
    body: JSON.stringify({ bookingRef, proof }),
  });
  const text = await res.text();
  const json = JSON.parse(text);
  const parsed = lookupResponse.safeParse(json);
  return { status: res.status, body: parsed.success ? parsed.data : json, headers: res.headers, text };
}

/** The booking's session: a new one (201), or the one already live for it (200). */
export async function startSession(baseUrl: string, bookingRef: string, proof?: string): Promise<string> {
  const { status, body } = await lookup(baseUrl, bookingRef, undefined, proof);
  expect([200, 201], JSON.stringify(body)).toContain(status);
  const found = body as Extract<LookupResponse, { kind: "session" }>;
  expect(found.kind).toBe("session");
  return found.sessionId;
}

export const GUEST = { fullName: "Grace Hopper", phone: "07700 900123", email: "grace@example.com" };

export function waitForState(client: CheckinClient, predicate: (s: PublicSessionState) => boolean, timeoutMs?: number) {
  return client
    .next((m) => m.type === "state" && predicate(m.state), timeoutMs)
    .then((m) => (m as Extract<typeof m, { type: "state" }>).state);
}

/** Opens the session's socket and walks it to the confirm step. */
export async function walkToConfirm(
  baseUrl: string,
  sessionId: string,
  parking = { hasCar: true, registration: "ab12 cde" },
) {
  const client = await connectCheckin(baseUrl, sessionId);
  await waitForState(client, (s) => s.step === "details");
  client.send({ type: "details", details: GUEST });
  await waitForState(client, (s) => s.step === "parking");
  client.send({ type: "parking", parking });
  await waitForState(client, (s) => s.step === "confirm");
  return client;
}

/** What the Seam simulator holds for a lock, as its API reports it. */
export async function pinsOnLock(
  baseUrl: string,
  apiKey: string,
  lockId: string,
  label?: string,
): Promise<SimListedCode[]> {
  return seamSimCodes(baseUrl, apiKey, lockId, label);
}
