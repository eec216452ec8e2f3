// Rate limiting as a token bucket: `limit` requests per `windowMs`, refilled evenly,
// so a burst at a window boundary cannot double the allowance the way fixed windows do.
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface TakeResult {
  allowed: boolean;
  bucket: Bucket;
  retryAfterMs: number;
}

export function takeToken(bucket: Bucket | undefined, limit: number, windowMs: number, now: number): TakeResult {
  const refillPerMs = limit / windowMs;
  const start = bucket ?? { tokens: limit, updatedAt: now };
  const tokens = Math.min(limit, start.tokens + Math.max(0, now - start.updatedAt) * refillPerMs);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, updatedAt: now }, retryAfterMs: 0 };
  return { allowed: false, bucket: { tokens, updatedAt: now }, retryAfterMs: Math.ceil((1 - tokens) / refillPerMs) };
}
