// Pure pieces of the security work: address parsing, invisible-character stripping
// and the per-account sign-in backoff.
import { describe, expect, it } from "vitest";
import { validateDetails, validateParking } from "../../domain/guest-details";
import { addressFromProxyHeader, canonicalIp } from "../../domain/ip-address";
import {
  backoffAfter,
  FREE_FAILURES,
  MAX_BACKOFF_MS,
  recordFailure,
  waitBeforeAttempt,
} from "../../domain/login-backoff";
import { stripInvisible } from "../../domain/plain-text";

describe("canonicalIp", () => {
  it("accepts IPv4 and IPv6 in one spelling per address", () => {
    expect(canonicalIp("203.0.113.7")).toBe("203.0.113.7");
    expect(canonicalIp(" 2001:DB8:0:0:0:0:0:1 ")).toBe("2001:db8::1");
    expect(canonicalIp("::ffff:192.0.2.1")).toBe("::ffff:c000:201");
  });

  it("refuses anything that is not an address", () => {
    for (const bad of [
      "",
      "local",
      "256.1.1.1",
      "1.2.3",
      "01.2.3.4",
      "1.2.3.4:80",
      "x".repeat(8192),
      "[::1]",
      "::1%eth0",
      "1:2",
    ]) {
      expect(canonicalIp(bad), bad).toBeNull();
    }
  });

  it("reads the last entry of a proxy's list", () => {
    expect(addressFromProxyHeader("198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(addressFromProxyHeader("203.0.113.9, not-an-ip")).toBeNull();
    expect(addressFromProxyHeader(null)).toBeNull();
  });
});

describe("stripInvisible", () => {
  it("removes bidi overrides, zero-width spaces and control characters", () => {
    expect(stripInvisible("\u202Eevil")).toBe("evil");
    expect(stripInvisible("Ada\u200B Love\u0007lace\u2066")).toBe("Ada Lovelace");
    expect(stripInvisible("Ada\tLove\nlace")).toBe("Ada Love lace");
    expect(stripInvisible(" \u202E ")).toBe("");
  });

  it("keeps the joiners that scripts and emoji need", () => {
    expect(stripInvisible("\u0645\u06CC\u200C\u0634\u0648\u062F")).toBe("\u0645\u06CC\u200C\u0634\u0648\u062F");
    expect(stripInvisible("Zo\u00EB")).toBe("Zo\u00EB");
  });

  it("applies to names and registrations", () => {
    const details = validateDetails({ fullName: "\u202EAda\u200E Lovelace", phone: "07700 900123" });
    expect(details).toMatchObject({ ok: true, value: { fullName: "Ada Lovelace" } });
    expect(validateDetails({ fullName: "\u202E\u2066", phone: "07700 900123" })).toMatchObject({
      ok: false,
      fields: { fullName: "name_required" },
    });
    expect(validateParking({ hasCar: true, registration: "AB\u202E12 CDE" })).toEqual({
      ok: true,
      value: { hasCar: true, registration: "AB12CDE" },
    });
  });
});

describe("login backoff", () => {
  it("lets the first failures through, then doubles the wait up to a short ceiling", () => {
    let state = undefined as ReturnType<typeof recordFailure> | undefined;
    const now = 1_000_000;
    for (let i = 1; i < FREE_FAILURES; i++) {
      state = recordFailure(state, now);
      expect(waitBeforeAttempt(state, now)).toBe(0);
    }
    state = recordFailure(state, now);
    expect(waitBeforeAttempt(state, now)).toBe(1000);
    state = recordFailure(state, now);
    expect(waitBeforeAttempt(state, now)).toBe(2000);
    expect(waitBeforeAttempt(state, now + 2000)).toBe(0);
    expect(backoffAfter(100)).toBe(MAX_BACKOFF_MS);
    expect(MAX_BACKOFF_MS).toBeLessThanOrEqual(5 * 60_000);
  });

  it("forgets failures after a day", () => {
    let state = undefined as ReturnType<typeof recordFailure> | undefined;
    for (let i = 0; i < 10; i++) state = recordFailure(state, 0);
    expect(recordFailure(state, 25 * 3600_000).count).toBe(1);
  });
});
