import { describe, expect, it } from "vitest";
import { mergeBoardSession } from "../../domain/board";
import { deviceTypeFromUserAgent } from "../../domain/device-type";
import { type Bucket, takeToken } from "../../domain/token-bucket";
import type { BoardSession } from "../../domain/board";

describe("device type", () => {
  it.each([
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", "mobile"],
    ["Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/120 Mobile Safari/537.36", "mobile"],
    ["Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", "tablet"],
    ["Mozilla/5.0 (Linux; Android 13; SM-X200) Chrome/120 Safari/537.36", "tablet"],
    ["Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Safari/537.36", "desktop"],
    [undefined, "desktop"],
  ])("%s → %s", (ua, expected) => {
    expect(deviceTypeFromUserAgent(ua)).toBe(expected);
  });
});

describe("token bucket", () => {
  it("allows `limit` at once, then refuses with the wait until the next token", () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 10; i++) {
      const r = takeToken(bucket, 10, 60_000, 0);
      expect(r.allowed).toBe(true);
      bucket = r.bucket;
    }
    const refused = takeToken(bucket, 10, 60_000, 0);
    expect(refused).toMatchObject({ allowed: false, retryAfterMs: 6_000 });
    expect(takeToken(refused.bucket, 10, 60_000, 6_000).allowed).toBe(true);
  });
});

describe("board merge", () => {
  const s = (version: number) => ({ sessionId: "a", version }) as BoardSession;
  it("keeps only newer versions", () => {
    expect(mergeBoardSession(undefined, s(1))).toEqual(s(1));
    expect(mergeBoardSession(s(2), s(1))).toBeNull();
    expect(mergeBoardSession(s(2), s(2))).toBeNull();
    expect(mergeBoardSession(s(2), s(3))).toEqual(s(3));
  });
});
