// The check-in's own writes against a real sqld: the funnel row only moves forward
// whatever order its writes land in, and the guest write completes it even when the
// session's background sync has not written the row yet.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeCheckin, syncFunnelRow, type FunnelRow, type NewGuest } from "../../db/queries/checkin";
import { checkinAnalytics, guest } from "../../db/schema";
import { startTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const funnelRow = async (sessionId: string) =>
  (await stack.db.select().from(checkinAnalytics).where(eq(checkinAnalytics.sessionId, sessionId)))[0];

function newGuest(sessionId: string, ref: string, token: string): NewGuest {
  return {
    id: `guest_${sessionId}`,
    sessionId,
    reservationId: `res-${ref}`,
    bookingRef: ref,
    fullName: "Ada Lovelace",
    phoneE164: "+447700900123",
    email: null,
    checkInDate: "2026-11-26",
    checkOutDate: "2026-11-27",
    roomId: "room-105",
    carRegistration: null,
    earlyCheckInTime: null,
    lateCheckoutTime: null,
    frontDoorPin: "123456",
    frontDoorPinId: "pin-a",
    roomPinId: "pin-b",
    secureToken: token,
    createdAt: 2_000,
    funnel: { propertyId: "prop-harbour", deviceType: "mobile", startedAt: 1_000 },
  };
}

describe("funnel row writes", () => {
  it("never move a row backwards, whatever order they land in", async () => {
    const row: FunnelRow = {
      sessionId: "q-order",
      bookingRef: "FD1002",
      propertyId: "prop-harbour",
      deviceType: "desktop",
      startedAt: 1_000,
      stepReached: 3,
      completed: true,
      completedAt: 5_000,
      language: "es",
    };
    await syncFunnelRow(stack.db, row);
    await syncFunnelRow(stack.db, { ...row, stepReached: 2, completed: false, completedAt: null });
    await syncFunnelRow(stack.db, { ...row, stepReached: 4, completedAt: 9_000 });
    expect(await funnelRow("q-order")).toMatchObject({
      stepReached: 4,
      completed: true,
      completedAt: 5_000,
      deviceType: "desktop",
    });
  });

  it("are completed by the guest write even before the session wrote the row", async () => {
    expect(await funnelRow("q-first")).toBeUndefined();
    const outcome = await completeCheckin(stack.db, newGuest("q-first", "FD1005", "t".repeat(43)));
    expect(outcome.sessionId).toBe("q-first");
    expect(await funnelRow("q-first")).toMatchObject({
      bookingRef: "FD1005",
      propertyId: "prop-harbour",
      deviceType: "mobile",
      startedAt: 1_000,
      stepReached: 4,
      completed: true,
      completedAt: 2_000,
    });
  });

  it("are not completed for a session that lost the race for the booking", async () => {
    await syncFunnelRow(stack.db, {
      sessionId: "q-loser",
      bookingRef: "FD1005",
      propertyId: "prop-harbour",
      deviceType: "tablet",
      startedAt: 1_500,
      stepReached: 4,
      completed: false,
      completedAt: null,
      language: null,
    });
    const outcome = await completeCheckin(stack.db, newGuest("q-loser", "FD1005", "u".repeat(43)));
    expect(outcome.sessionId).toBe("q-first");
    expect(await funnelRow("q-loser")).toMatchObject({ stepReached: 4, completed: false, completedAt: null });
    expect(await stack.db.select().from(guest).where(eq(guest.reservationId, "res-FD1005"))).toHaveLength(1);
  });
});
