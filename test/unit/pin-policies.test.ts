import { describe, expect, it } from "vitest";
import { generatePin, isGuessablePin } from "../../domain/pin-code";
import { decideRetry } from "../../domain/pin-retry-policy";
import { pinWindow, zonedTimeToEpoch } from "../../domain/pin-window";

const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 3000 };

describe("PIN retry policy", () => {
  it("backs off exponentially with jitter, capped", () => {
    const transient = { transient: true, message: "503" };
    expect(decideRetry(policy, 1, transient, 0)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(policy, 1, transient, 0.999)).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry(policy, 2, transient, 0)).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry(policy, 3, transient, 1)).toEqual({ retry: true, delayMs: 3000 });
  });

  it("gives up after the last attempt or on a permanent failure", () => {
    expect(decideRetry(policy, 4, { transient: true, message: "503" }, 0)).toMatchObject({ retry: false });
    expect(decideRetry(policy, 1, { transient: false, message: "lock offline" }, 0)).toEqual({
      retry: false,
      reason: "lock offline",
    });
  });
});

describe("PIN codes", () => {
  it("are six digits and never trivially guessable", () => {
    const seq = [0, 123456, 111111, 654321, 482913];
    let i = 0;
    expect(generatePin(() => seq[i++]!)).toBe("482913");
    expect(isGuessablePin("123456")).toBe(true);
    expect(isGuessablePin("987654")).toBe(true);
    expect(isGuessablePin("000000")).toBe(true);
    expect(isGuessablePin("482913")).toBe(false);
  });

  it("rejects values above the largest multiple of 10^6 to stay uniform", () => {
    const seq = [0xffffffff, 271828];
    let i = 0;
    expect(generatePin(() => seq[i++]!)).toBe("271828");
  });
});

describe("PIN window", () => {
  it("reads wall-clock times in the property's zone, across summer time", () => {
    expect(zonedTimeToEpoch("2026-07-01", "15:00", "Europe/London")).toBe(Date.UTC(2026, 6, 1, 14, 0));
    expect(zonedTimeToEpoch("2026-12-01", "15:00", "Europe/London")).toBe(Date.UTC(2026, 11, 1, 15, 0));
    expect(zonedTimeToEpoch("2026-12-01", "15:00", "America/New_York")).toBe(Date.UTC(2026, 11, 1, 20, 0));
  });

  it("uses early check-in and late checkout when booked", () => {
    const base = {
      checkInDate: "2026-11-26",
      checkOutDate: "2026-11-28",
      standardCheckInTime: "15:00",
      standardCheckoutTime: "11:00",
      timeZone: "Europe/London",
    };
    const standard = pinWindow({ ...base, earlyCheckInTime: null, lateCheckoutTime: null });
    expect(standard).toMatchObject({
      startsAt: Date.UTC(2026, 10, 26, 15),
      endsAt: Date.UTC(2026, 10, 28, 11),
      localStart: "2026-11-26 15:00",
    });
    const flexible = pinWindow({ ...base, earlyCheckInTime: "12:00", lateCheckoutTime: "13:00" });
    expect(flexible).toMatchObject({
      startsAt: Date.UTC(2026, 10, 26, 12),
      endsAt: Date.UTC(2026, 10, 28, 13),
      localEnd: "2026-11-28 13:00",
    });
  });
});
