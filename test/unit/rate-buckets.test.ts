import { describe, expect, it } from "vitest";
import { type Buckets, takeTokens } from "../../domain/rate-buckets";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const client = { name: "", limit: 3, windowMs: MINUTE };
const atRef = (ref: string) => ({ name: `ref:${ref}`, limit: 2, windowMs: HOUR });

function run(kept: Buckets, rules: Parameters<typeof takeTokens>[1], now: number, max = 100) {
  return takeTokens(kept, rules, now, max);
}

describe("several buckets under one key", () => {
  it("charges every bucket when each has a token", () => {
    const r = run({}, [client, atRef("A")], 0);
    expect(r.allowed).toBe(true);
    expect(r.buckets[""]?.tokens).toBe(2);
    expect(r.buckets["ref:A"]?.tokens).toBe(1);
  });

  it("charges none when one bucket is empty, and says when the emptiest refills", () => {
    let kept: Buckets = {};
    for (let i = 0; i < 2; i++) kept = run(kept, [client, atRef("A")], 0).buckets;
    const refused = run(kept, [client, atRef("A")], 0);
    expect(refused.allowed).toBe(false);
    // The client's own bucket kept its last token for another booking.
    expect(refused.buckets[""]?.tokens).toBe(1);
    expect(Math.abs(refused.retryAfterMs - HOUR / 2)).toBeLessThanOrEqual(1);
    expect(run(refused.buckets, [client, atRef("B")], 0).allowed).toBe(true);
  });

  it("enforces the client's own limit across references", () => {
    let kept: Buckets = {};
    const answers = ["A", "B", "C", "D"].map((ref) => {
      const r = run(kept, [client, atRef(ref)], 0);
      kept = r.buckets;
      return r.allowed;
    });
    expect(answers).toEqual([true, true, true, false]);
    expect(run(kept, [client, atRef("D")], MINUTE / 3).allowed).toBe(true);
  });

  it("forgets buckets that are full again", () => {
    const kept = run({}, [client, atRef("A")], 0).buckets;
    const later = run(kept, [client], HOUR);
    expect(Object.keys(later.buckets)).toEqual([""]);
  });

  it("keeps at most the newest buckets, never dropping one it just charged", () => {
    let kept: Buckets = {};
    for (let i = 0; i < 10; i++) kept = run(kept, [atRef(`R${i}`)], i, 4).buckets;
    expect(Object.keys(kept).sort()).toEqual(["ref:R6", "ref:R7", "ref:R8", "ref:R9"]);
  });
});
