import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { decodeJson, firstIssue } from "../../shared/decode";

const ping = z.object({ type: z.literal("ping"), n: z.number() });

describe("decodeJson", () => {
  it("returns the parsed value for text in the schema's shape", () => {
    expect(decodeJson('{"type":"ping","n":3}', ping)).toEqual({ ok: true, value: { type: "ping", n: 3 } });
  });

  it("refuses what is not text, before anything else", () => {
    expect(decodeJson(new ArrayBuffer(4), ping)).toEqual({ ok: false, reason: "not_text" });
  });

  it("refuses text over the byte cap, counting UTF-8 bytes rather than characters", () => {
    const padded = (pad: string) => JSON.stringify({ type: "ping", n: 1, pad });
    const long = padded("x".repeat(40));
    expect(decodeJson(long, ping, 64)).toMatchObject({ ok: false, reason: "too_large", maxBytes: 64 });
    // 20 characters, 60 bytes: under a character count, over the byte cap.
    const wide = padded("€".repeat(20));
    expect(wide.length).toBeLessThan(64);
    expect(decodeJson(wide, ping, 64)).toMatchObject({ ok: false, reason: "too_large" });
  });

  it("refuses text that is not JSON", () => {
    expect(decodeJson("{nope", ping)).toEqual({ ok: false, reason: "invalid_json" });
  });

  it("refuses JSON of the wrong shape and says where", () => {
    const decoded = decodeJson('{"type":"ping","n":"3"}', ping);
    expect(decoded.ok).toBe(false);
    if (decoded.ok || decoded.reason !== "invalid_shape") throw new Error("expected a shape failure");
    expect(firstIssue(decoded.error)).toMatch(/^n /);
  });
});
