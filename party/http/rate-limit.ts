// Asks the limiter room for `key` whether one more request is allowed.
import type * as Party from "partykit/server";
import {
  LOGIN_BACKOFF_PATH,
  type LimiterRequest,
  type LimiterResponse,
  type LimiterRule,
  type LoginBackoffRequest,
} from "../limiter/server";
import type { RuntimeEnv } from "../env";
import { addressFromProxyHeader } from "../../domain/ip-address";
import { callParty } from "../party-client";

/** One request against the key's own bucket. */
export function takeRateLimit(
  env: RuntimeEnv,
  parties: Party.Context["parties"],
  key: string,
  rule: LimiterRule,
): Promise<LimiterResponse> {
  return takeRateLimits(env, parties, key, [{ name: "", ...rule }]);
}

/** One request against several of the key's buckets at once: allowed only if every one allows it. */
export async function takeRateLimits(
  env: RuntimeEnv,
  parties: Party.Context["parties"],
  key: string,
  buckets: LimiterRequest["buckets"],
): Promise<LimiterResponse> {
  const body: LimiterRequest = { buckets };
  const res = await callParty(env, parties, { party: "limiter", roomId: key }, { method: "POST", body });
  if (!res.ok) throw new Error(`Rate limiter answered ${res.status}`);
  return (await res.json()) as LimiterResponse;
}

/** One sign-in attempt against an account's backoff, or the success that clears it. */
export async function loginBackoff(
  env: RuntimeEnv,
  parties: Party.Context["parties"],
  key: string,
  op: LoginBackoffRequest["op"],
): Promise<LimiterResponse> {
  const route = { party: "limiter", roomId: key, path: LOGIN_BACKOFF_PATH };
  const res = await callParty(env, parties, route, { method: "POST", body: { op } });
  if (!res.ok) throw new Error(`Rate limiter answered ${res.status}`);
  return (await res.json()) as LimiterResponse;
}

/**
 * Stands for the connection itself when no trusted proxy names the client: workerd
 * does not tell a worker its peer's address, so every direct client shares this key
 * (locally that is the one machine partykit dev listens for).
 */
export const DIRECT_CLIENT = "direct";

/**
 * The client's address, from the header a trusted proxy sets (CLIENT_IP_HEADER) and
 * only if it parses as an IP; otherwise the connection's own. Either way a short,
 * canonical string, safe as part of a limiter room name.
 */
export function clientIp(req: Request, env: Pick<RuntimeEnv, "CLIENT_IP_HEADER">): string {
  if (!env.CLIENT_IP_HEADER) return DIRECT_CLIENT;
  return addressFromProxyHeader(req.headers.get(env.CLIENT_IP_HEADER)) ?? DIRECT_CLIENT;
}
