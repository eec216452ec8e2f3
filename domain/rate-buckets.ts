// Several token buckets under one key, charged together: a limiter room that owns every
// bucket about one client can check "this client" and "this client at this booking" in a
// single request. Either every bucket has a token and each gives one, or none is charged,
// so a refused request does not use up what the client may still do elsewhere.
import { takeToken, type Bucket } from "./token-bucket";

export interface BucketRule {
  /** Which bucket under the key: "" for the key's own, or e.g. a booking reference. */
  name: string;
  limit: number;
  windowMs: number;
}

/** A bucket and the time it will be full again, after which forgetting it changes nothing. */
export interface KeptBucket extends Bucket {
  fullAt: number;
}

export type Buckets = Record<string, KeptBucket>;

export interface TakeAllResult {
  allowed: boolean;
  buckets: Buckets;
  retryAfterMs: number;
}

/**
 * Takes one token from each rule's bucket, all or none. Buckets that are full again are
 * dropped (a missing bucket is a full one), and past `maxBuckets` the longest-unused go
 * first, so one client spraying references cannot grow a room's storage without bound.
 */
export function takeTokens(
  kept: Buckets,
  rules: readonly BucketRule[],
  now: number,
  maxBuckets: number,
): TakeAllResult {
  const tried = rules.map((rule) => ({ rule, result: takeToken(kept[rule.name], rule.limit, rule.windowMs, now) }));
  const refused = tried.filter((t) => !t.result.allowed);
  const next: Buckets = {};
  for (const [name, bucket] of Object.entries(kept)) if (bucket.fullAt > now) next[name] = bucket;
  if (refused.length === 0) {
    for (const { rule, result } of tried) next[rule.name] = withFullAt(result.bucket, rule);
  }
  const charged = new Set(rules.map((r) => r.name));
  return {
    allowed: refused.length === 0,
    buckets: keepNewest(next, maxBuckets, charged),
    retryAfterMs: Math.max(0, ...refused.map((t) => t.result.retryAfterMs)),
  };
}

function withFullAt(bucket: Bucket, rule: BucketRule): KeptBucket {
  const refillPerMs = rule.limit / rule.windowMs;
  return { ...bucket, fullAt: bucket.updatedAt + Math.ceil((rule.limit - bucket.tokens) / refillPerMs) };
}

function keepNewest(buckets: Buckets, max: number, charged: ReadonlySet<string>): Buckets {
  const names = Object.keys(buckets);
  if (names.length <= max) return buckets;
  const evictable = names
    .filter((n) => !charged.has(n))
    .sort((a, b) => (buckets[a]?.updatedAt ?? 0) - (buckets[b]?.updatedAt ?? 0));
  const drop = new Set(evictable.slice(0, names.length - max));
  return Object.fromEntries(Object.entries(buckets).filter(([n]) => !drop.has(n)));
}
