// Asks the limiter room for `key` whether one more request is allowed.
import type * as Party from "partykit/server";
import type { LimiterRequest, LimiterResponse } from "../limiter/server";
import type { RuntimeEnv } from "../env";
import { callParty } from "../party-client";

export async function takeRateLimit(
  env: RuntimeEnv,
  parties: Party.Context["parties"],
  key: string,
  rule: LimiterRequest,
): Promise<LimiterResponse> {
  const res = await callParty(env, parties, { party: "limiter", roomId: key }, { method: "POST", body: rule });
  if (!res.ok) throw new Error(`Rate limiter answered ${res.status}`);
  return (await res.json()) as LimiterResponse;
}

/**
 * Cloudflare's edge sets cf-connecting-ip and overwrites any value a client sends, so
 * it is trustworthy in production. Locally there is no edge; every caller then shares
 * one bucket unless a test sets the header itself.
 */
export function clientIp(req: Request): string {
  return req.headers.get("cf-connecting-ip") ?? "local";
}
