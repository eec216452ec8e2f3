// When each message is due: invitation 3 days before at 10:00 local or at once for a late
// booking, reminder 24 h before arrival, door code after check-in, quiet hours for SMS,
// and the bounded retry backoff.
import { describe, expect, it } from "vitest";
import { idempotencyKey, codeVersion } from "../../domain/messages/idempotency";
import { nextRetryAt, RETRY_FOR_MS } from "../../domain/messages/retry";
import {
  afterQuietHours,
  messagesFor,
  type BookingForMessages,
  type PropertyClock,
} from "../../domain/messages/schedule";
import { zonedTimeToEpoch } from "../../domain/pin-window";

const LONDON: PropertyClock = { timeZone: "Europe/London", standardCheckInTime: "15:00" };
const TOKYO: PropertyClock = { timeZone: "Asia/Tokyo", standardCheckInTime: "15:00" };
const at = (date: string, time: string, p = LONDON) => zonedTimeToEpoch(date, time, p.timeZone);

const booking = (over: Partial<BookingForMessages> = {}): BookingForMessages => ({
  status: "confirmed",
  checkInDate: "2026-12-10",
  checkOutDate: "2026-12-12",
  earlyCheckInTime: null,
  createdAt: at("2026-11-01", "12:00"),
  guest: null,
  ...over,
});

describe("messagesFor", () => {
  it("invites 3 days before at 10:00 property time and reminds 24 h before arrival", () => {
    const due = messagesFor(booking(), LONDON, at("2026-11-02", "09:00"));
    expect(due).toEqual([
      { kind: "invitation", at: at("2026-12-07", "10:00") },
      { kind: "reminder", at: at("2026-12-09", "15:00") },
    ]);
    const tokyo = messagesFor(booking({ createdAt: 0 }), TOKYO, 0);
    expect(tokyo[0]).toEqual({ kind: "invitation", at: at("2026-12-07", "10:00", TOKYO) });
  });

  it("reminds 24 h before an early check-in", () => {
    const due = messagesFor(booking({ earlyCheckInTime: "09:00" }), LONDON, at("2026-11-02", "09:00"));
    expect(due[1]).toEqual({ kind: "reminder", at: at("2026-12-09", "09:00") });
  });

  it("invites a booking made late at once, with no reminder hard on its heels", () => {
    const createdAt = at("2026-12-09", "08:00");
    const due = messagesFor(booking({ createdAt }), LONDON, createdAt);
    expect(due).toEqual([{ kind: "invitation", at: createdAt }]);
  });

  it("sends nothing to cancelled or no-show bookings, nor invitations after the arrival day", () => {
    const now = at("2026-12-08", "12:00");
    expect(messagesFor(booking({ status: "cancelled" }), LONDON, now)).toEqual([]);
    expect(messagesFor(booking({ status: "no_show" }), LONDON, now)).toEqual([]);
    expect(messagesFor(booking(), LONDON, at("2026-12-11", "09:00"))).toEqual([]);
    expect(messagesFor(booking(), LONDON, at("2026-12-10", "23:00")).map((d) => d.kind)).toEqual([
      "invitation",
      "reminder",
    ]);
  });

  it("after check-in: the door code instead of invitation and reminder", () => {
    const guest = { createdAt: at("2026-12-08", "20:00"), codesConfirmedAt: null };
    expect(messagesFor(booking({ status: "checked_in", guest }), LONDON, at("2026-12-08", "20:01"))).toEqual([
      { kind: "door-code", at: guest.createdAt },
    ]);
  });

  it("says the code is confirmed on the arrival day only", () => {
    const guest = { createdAt: at("2026-12-08", "20:00"), codesConfirmedAt: at("2026-12-08", "20:05") };
    const b = booking({ status: "checked_in", guest });
    expect(messagesFor(b, LONDON, at("2026-12-09", "12:00")).map((d) => d.kind)).toEqual(["door-code"]);
    expect(messagesFor(b, LONDON, at("2026-12-10", "07:00")).map((d) => d.kind)).toEqual([
      "door-code",
      "code-confirmed",
    ]);
    expect(messagesFor(b, LONDON, at("2026-12-11", "07:00")).map((d) => d.kind)).toEqual(["door-code"]);
  });
});

describe("quiet hours", () => {
  const b = booking();
  it("holds an SMS from 21:00 to 08:00 property time", () => {
    expect(afterQuietHours("invitation", "sms", at("2026-12-07", "21:30"), b, "Europe/London")).toBe(
      at("2026-12-08", "08:00"),
    );
    expect(afterQuietHours("reminder", "sms", at("2026-12-08", "03:00"), b, "Europe/London")).toBe(
      at("2026-12-08", "08:00"),
    );
    expect(afterQuietHours("invitation", "sms", at("2026-12-07", "20:59"), b, "Europe/London")).toBe(
      at("2026-12-07", "20:59"),
    );
    expect(afterQuietHours("invitation", "sms", at("2026-12-07", "08:00", TOKYO), b, "Asia/Tokyo")).toBe(
      at("2026-12-07", "08:00", TOKYO),
    );
  });

  it("lets email through, and the door code on the arrival day", () => {
    expect(afterQuietHours("invitation", "email", at("2026-12-07", "23:00"), b, "Europe/London")).toBe(
      at("2026-12-07", "23:00"),
    );
    expect(afterQuietHours("door-code", "sms", at("2026-12-10", "23:00"), b, "Europe/London")).toBe(
      at("2026-12-10", "23:00"),
    );
    expect(afterQuietHours("door-code", "sms", at("2026-12-08", "23:00"), b, "Europe/London")).toBe(
      at("2026-12-09", "08:00"),
    );
  });
});

describe("retry", () => {
  it("backs off longer each time and gives up after the bound", () => {
    const first = 1_000_000;
    const waits = [1, 2, 3, 4].map((n) => nextRetryAt(n, first, first, 0.5)! - first);
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(nextRetryAt(20, first, first, 0.5)! - first).toBe(30 * 60_000);
    expect(nextRetryAt(3, first, first + RETRY_FOR_MS - 1000, 0.5)).toBeNull();
    expect(nextRetryAt(1, first, first, 0.5, 90_000)! - first).toBe(90_000);
  });
});

describe("idempotency keys", () => {
  it("are one per booking, kind and channel, and change with the door code or its window", async () => {
    expect(idempotencyKey("r1", "invitation", "email")).toBe("r1:invitation:email");
    const a = await codeVersion("secret-secret-secret", "1234", 1, 2);
    expect(await codeVersion("secret-secret-secret", "1234", 1, 2)).toBe(a);
    expect(await codeVersion("secret-secret-secret", "1235", 1, 2)).not.toBe(a);
    expect(await codeVersion("secret-secret-secret", "1234", 1, 3)).not.toBe(a);
    expect(await codeVersion("another-secret-value", "1234", 1, 2)).not.toBe(a);
    expect(a).not.toContain("1234");
  });
});
