// Calls and sockets from one party to another. Outside alarms the `parties` binding is
// the direct route; inside an alarm partykit forbids it, so the same request goes over
// HTTP to this deployment's own origin, authenticated with the internal secret.
import type * as Party from "partykit/server";
import { INTERNAL_AUTH_HEADER } from "../shared/protocol/internal";
import type { RuntimeEnv } from "./env";
import { internalHeaders } from "./internal-auth";

/** `path` (e.g. "/lock-event", "/end-staff-sessions") picks one of a room's endpoints; default "/". */
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
  const stub = stubFor(parties, route);
  if (stub) return stub.fetch(route.path ?? "/", request);
  return fetch(roomUrl(env, route), request);
}

/** An accepted websocket to another party's room, carrying the internal secret. */
export async function connectToParty(
  env: RuntimeEnv,
  parties: Party.Context["parties"] | null,
  route: PartyRoute,
): Promise<WebSocket> {
  const headers = { [INTERNAL_AUTH_HEADER]: env.INTERNAL_SECRET };
  const stub = stubFor(parties, route);
  if (stub) {
    try {
      return (await stub.socket({ headers })) as unknown as WebSocket;
    } catch {
      // A room woken by its alarm may hold a binding that refuses sockets: take the HTTP route.
    }
  }
  const res = await fetch(roomUrl(env, route), { headers: { ...headers, Upgrade: "websocket" } });
  const socket = (res as Response & { webSocket?: (WebSocket & { accept(): void }) | null }).webSocket;
  if (!socket) throw new Error(`the ${route.party} room refused the socket (${res.status})`);
  socket.accept();
  return socket;
}

function roomUrl(env: RuntimeEnv, route: PartyRoute): string {
  return `${env.SELF_URL}/parties/${route.party}/${encodeURIComponent(route.roomId)}${route.path ?? ""}`;
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
