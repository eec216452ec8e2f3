// Calls from one party to another. Outside alarms the `parties` binding is the direct
// route; inside an alarm partykit forbids it, so the same request goes over HTTP to
// this deployment's own origin, authenticated with the internal secret.
import type * as Party from "partykit/server";
import type { RuntimeEnv } from "./env";
import { internalHeaders } from "./internal-auth";

export type PartyRoute = { party: string; roomId: string; path?: string };

export async function callParty(
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  route: PartyRoute,
  init: { method: string; body?: unknown },
): Promise<Response> {
  const request: RequestInit = {
    method: init.method,
    headers: internalHeaders(env.INTERNAL_SECRET),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  };
  const suffix = route.path ?? "";
  const stub = stubFor(parties, route);
  if (stub) return stub.fetch(suffix || "/", request);
  return fetch(`${env.SELF_URL}/parties/${route.party}/${encodeURIComponent(route.roomId)}${suffix}`, request);
}

/**
 * The binding, or null where partykit withholds it: a room started by its alarm throws
 * on `context.parties` even outside `onAlarm` itself.
 */
function stubFor(parties: Party.Context["parties"] | null, route: PartyRoute): Party.Stub | null {
  try {
    return parties?.[route.party]?.get(route.roomId) ?? null;
  } catch {
    return null;
  }
}
