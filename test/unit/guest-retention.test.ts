import { describe, expect, it } from "vitest";
import { eraseRefusal, lastCheckOutDateToAnonymise } from "../../domain/guest-retention";

const LONDON = { timeZone: "Europe/London", standardCheckoutTime: "11:00" };

describe("guest data retention", () => {
  it("anonymises bookings whose checkout was the retention period ago, by the property's calendar", () => {
    const now = Date.UTC(2026, 10, 30, 23, 30);
    expect(lastCheckOutDateToAnonymise(now, "Europe/London", 30)).toBe("2026-10-31");
    // Already 1 December in Tokyo.
    expect(lastCheckOutDateToAnonymise(now, "Asia/Tokyo", 30)).toBe("2026-11-01");
  });

  it("refuses to erase a stay before its checkout, late checkout included, unless it was cancelled", () => {
    const booking = { status: "checked_in" as const, checkOutDate: "2026-11-30", lateCheckoutTime: null };
    expect(eraseRefusal(booking, LONDON, Date.UTC(2026, 10, 30, 10, 59))).toMatch(/has not ended/);
    expect(eraseRefusal(booking, LONDON, Date.UTC(2026, 10, 30, 11, 0))).toBeNull();
    const late = { ...booking, lateCheckoutTime: "14:00" };
    expect(eraseRefusal(late, LONDON, Date.UTC(2026, 10, 30, 13, 0))).toMatch(/has not ended/);
    expect(eraseRefusal({ ...booking, status: "confirmed" }, LONDON, Date.UTC(2026, 10, 1))).toMatch(/has not ended/);
    expect(eraseRefusal({ ...booking, status: "cancelled" }, LONDON, Date.UTC(2026, 10, 1))).toBeNull();
    expect(eraseRefusal({ ...booking, status: "no_show" }, LONDON, Date.UTC(2026, 10, 1))).toBeNull();
  });
});
