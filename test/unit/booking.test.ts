import { describe, expect, it } from "vitest";
import {
  checkinLinkUsable,
  generateBookingRef,
  normaliseTime,
  presetRange,
  statusChangeRefusal,
  stayProblems,
  surnameKey,
} from "../../domain/booking";

const stay = (checkInDate: string, checkOutDate: string, early: string | null = null, late: string | null = null) => ({
  checkInDate,
  checkOutDate,
  earlyCheckInTime: early,
  lateCheckoutTime: late,
});

describe("stayProblems", () => {
  it("accepts a normal stay and refuses impossible ones with a reason per field", () => {
    expect(stayProblems(stay("2026-07-01", "2026-07-04", "12:00", "13:00"))).toEqual({});
    expect(stayProblems(stay("2026-07-04", "2026-07-04"))).toEqual({ checkOutDate: "Checkout must be after check-in" });
    expect(stayProblems(stay("2026-02-30", "2026-03-02"))).toEqual({ checkInDate: "Enter a real check-in date" });
    expect(stayProblems(stay("2026-01-01", "2026-06-01")).checkOutDate).toMatch(/at most 90 nights/);
    expect(stayProblems(stay("2026-07-01", "2026-07-02", "25:00", "1pm"))).toEqual({
      earlyCheckInTime: "Enter a time like 12:00",
      lateCheckoutTime: "Enter a time like 13:00",
    });
  });

  it("reads 9:30 as 09:30", () => {
    expect(normaliseTime(" 9:30 ")).toBe("09:30");
    expect(normaliseTime("9.30")).toBe("9.30");
  });
});

describe("status changes", () => {
  it("lets a confirmed booking be cancelled, and a no-show only from its arrival day", () => {
    expect(statusChangeRefusal("cancel", "confirmed", "2026-07-01", "2026-06-30")).toBeNull();
    expect(statusChangeRefusal("no-show", "confirmed", "2026-07-01", "2026-06-30")).toMatch(/from its check-in date/);
    expect(statusChangeRefusal("no-show", "confirmed", "2026-07-01", "2026-07-01")).toBeNull();
    expect(statusChangeRefusal("no-show", "checked_in", "2026-07-01", "2026-07-02")).toMatch(/checked in/);
  });

  it("refuses every change to a cancelled or no-show booking", () => {
    for (const change of ["cancel", "no-show", "edit"] as const) {
      expect(statusChangeRefusal(change, "cancelled", "2026-07-01", "2026-07-01")).toMatch(/cancelled/);
      expect(statusChangeRefusal(change, "no_show", "2026-07-01", "2026-07-01")).toMatch(/no-show/);
    }
  });
});

describe("references and names", () => {
  it("generates FD plus six unambiguous characters", () => {
    const ref = generateBookingRef(new Uint8Array([0, 1, 2, 30, 31, 255]));
    expect(ref).toMatch(/^FD[A-Z2-9]{6}$/);
    expect(ref).not.toMatch(/[01OIL]/);
    expect(generateBookingRef(new Uint8Array([0, 0, 0, 0, 0, 0]))).toBe("FDAAAAAA");
    expect(() => generateBookingRef(new Uint8Array(3))).toThrow();
  });

  it("keys a name by its last word, lower-cased", () => {
    expect(surnameKey("  Ada   LOVELACE ")).toBe("lovelace");
    expect(surnameKey("Cher")).toBe("cher");
    expect(surnameKey("  ")).toBeNull();
    expect(surnameKey(null)).toBeNull();
  });
});

describe("presets and links", () => {
  it("covers arrival dates relative to the property's today", () => {
    expect(presetRange("today", "2026-12-31")).toEqual({ from: "2026-12-31", to: "2026-12-31" });
    expect(presetRange("tomorrow", "2026-12-31")).toEqual({ from: "2027-01-01", to: "2027-01-01" });
    expect(presetRange("next-14-days", "2026-12-31")).toEqual({ from: "2026-12-31", to: "2027-01-14" });
    expect(presetRange("past-7-days", "2026-03-01")).toEqual({ from: "2026-02-22", to: "2026-02-28" });
  });

  it("keeps a check-in link working until the end of the checkout day", () => {
    expect(checkinLinkUsable("confirmed", "2026-07-04", "2026-07-04")).toBe(true);
    expect(checkinLinkUsable("checked_in", "2026-07-04", "2026-07-05")).toBe(false);
    expect(checkinLinkUsable("cancelled", "2026-07-04", "2026-07-01")).toBe(false);
    expect(checkinLinkUsable("no_show", "2026-07-04", "2026-07-01")).toBe(false);
  });
});
