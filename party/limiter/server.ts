// A durable rate limiter: one room per key (client IP, booking reference, …). A room
// is a single-threaded owner of its counters on whichever machine hosts it, so limits
// hold across every edge location without a shared cache. A room keeps several named
// buckets, so everything limited about one key is checked in one request.
import type * as Party from "partykit/server";
import { z } from "zod";
import { recordFailure, waitBeforeAttempt, type LoginFailures } from "../../domain/login-backoff";
import { takeTokens, type Buckets } from "../../domain/rate-buckets";
import { runtimeEnv } from "../env";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import { isInternal } from "../internal-auth";
import { useEnglishZodMessages } from "../../shared/zod-locale";

useEnglishZodMessages();

export const limiterRule = z.object({
  limit: z.number().int().min(1).max(1_000_000),
  windowMs: z
    .number()
    .int()
    .min(1000)
    .max(24 * 3600_000),
});
export type LimiterRule = z.infer<typeof limiterRule>;

/** Buckets charged together, all or none; a name is "" (the key's own) or a short suffix such as a reference. */
export const limiterRequest = z.object({
  buckets: z
    .array(limiterRule.extend({ name: z.string().max(64) }))
    .min(1)
    .max(4),
});
export type LimiterRequest = z.infer<typeof limiterRequest>;
export type LimiterResponse = { allowed: boolean; retryAfterSeconds: number };

/**
 * Per-account sign-in backoff (path LOGIN_BACKOFF_PATH). An allowed attempt counts as a
 * failure at once and a success clears it: the room answers one request at a time, so
 * a burst of parallel guesses cannot all slip in before the first failure is known.
 */
export const LOGIN_BACKOFF_PATH = "/login-backoff";
export const loginBackoffRequest = z.object({ op: z.enum(["attempt", "succeeded"]) });
export type LoginBackoffRequest = z.infer<typeof loginBackoffRequest>;

/** Keys are a scope plus a canonical address, a booking reference or a hash: all far shorter. */
export const MAX_KEY_LENGTH = 128;

/** Per key: a client may try many references, and a full bucket needs no keeping anyway. */
const MAX_BUCKETS = 256;

export default class LimiterRoom implements Party.Server {
  private buckets: Buckets = {};

  constructor(readonly room: Party.Room) {}

  /** Refused at the edge, so an outsider never wakes (or names) a limiter room. */
  static onBeforeRequest(req: Party.Request, lobby: Party.Lobby) {
    const secret = runtimeEnv(lobby.env).INTERNAL_SECRET;
    const allowed = lobby.id.length <= MAX_KEY_LENGTH && isInternal(req as unknown as Request, secret);
    return allowed ? req : apiErrorResponse(404, "not_found", "Not found");
  }

  /** Limiters answer over HTTP only; a socket would just hold a connection open. */
  static onBeforeConnect() {
    return apiErrorResponse(404, "not_found", "Not found");
  }

  async onStart() {
    this.buckets = (await this.room.storage.get<Buckets>("buckets")) ?? {};
  }

  async onRequest(req: Party.Request): Promise<Response> {
    if (req.method !== "POST" || !isInternal(req as unknown as Request, runtimeEnv(this.room.env).INTERNAL_SECRET)) {
      return apiErrorResponse(404, "not_found", "Not found");
    }
    if (new URL(req.url).pathname.endsWith(LOGIN_BACKOFF_PATH)) return this.loginBackoff(req as unknown as Request);
    const body = await readJsonBody(req as unknown as Request, limiterRequest);
    if (!body.ok) return body.response;
    const result = takeTokens(this.buckets, body.value.buckets, Date.now(), MAX_BUCKETS);
    this.buckets = result.buckets;
    await this.room.storage.put("buckets", result.buckets);
    const answer: LimiterResponse = {
      allowed: result.allowed,
      retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000),
    };
    return json(answer);
  }

  private async loginBackoff(req: Request): Promise<Response> {
    const body = await readJsonBody(req, loginBackoffRequest);
    if (!body.ok) return body.response;
    if (body.value.op === "succeeded") {
      await this.room.storage.delete("login");
      return json({ allowed: true, retryAfterSeconds: 0 } satisfies LimiterResponse);
    }
    const now = Date.now();
    const failures = await this.room.storage.get<LoginFailures>("login");
    const wait = waitBeforeAttempt(failures, now);
    if (wait > 0) return json({ allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } satisfies LimiterResponse);
    await this.room.storage.put("login", recordFailure(failures, now));
    return json({ allowed: true, retryAfterSeconds: 0 } satisfies LimiterResponse);
  }
}
