// Outgoing webhook bodies on the guest's schedule (issue 10 follow-up): the retention job
// redacts the expected guest's name, email and phone from the settled deliveries of the
// bookings it anonymises, leaves a delivery still retrying until it settles, leaves recent
// stays and other properties alone, and a manager's erase redacts at once. Real sqld and
// partykit dev; the bodies are written by the same SQL the app uses.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordReservationEvent } from "../../db/queries/webhooks";
import { reservation, room, webhookDelivery, webhookEndpoint } from "../../db/schema";
import { addDays } from "../../domain/date-range";
import { localDate } from "../../domain/pin-window";
import { INTERNAL_AUTH_HEADER } from "../../shared/protocol/internal";
import { startTestStack, type TestStack } from "../support/stack";
import { addProperty, addStaff, desk, PROPERTY, signIn } from "./desk-helpers";

let stack: TestStack;
const OTHER_PROPERTY = "prop-webhooks-elsewhere";
const today = () => localDate(Date.now(), "Europe/London");

beforeAll(async () => {
  stack = await startTestStack();
  await addProperty(stack.db, OTHER_PROPERTY);
  await stack.db.insert(room).values({
    id: "room-wh-elsewhere",
    propertyId: OTHER_PROPERTY,
    name: "W1",
    frontDoorLockId: "w-f",
    roomLockId: "w-r",
  });
  for (const propertyId of [PROPERTY, OTHER_PROPERTY]) {
    const owner = `mgr-${propertyId}`;
    await addStaff(stack.db, {
      id: owner,
      email: `${owner}@example.test`,
      role: "manager",
      propertyId,
      password: owner,
    });
    // An endpoint of each property; its deliveries are written here and never sent (no attempt is due).
    await stack.db.insert(webhookEndpoint).values({
      id: `we-${propertyId}`,
      propertyId,
      url: "https://receiver.example/hook",
      secret: "whsec_dGVzdC1zZWNyZXQtZm9yLXdlYmhvb2tz",
      createdBy: owner,
      createdAt: Date.now(),
    });
  }
});

afterAll(async () => {
  await stack?.stop();
});

/** A booking whose stay ended `daysAgo` days ago, with one delivery per status given. */
async function stayWithDeliveries(
  ref: string,
  propertyId: string,
  roomId: string,
  daysAgo: number,
  statuses: Array<"pending" | "delivered" | "failed">,
  status: "checked_in" | "cancelled" = "checked_in",
) {
  const out = addDays(today(), -daysAgo);
  await stack.db.insert(reservation).values({
    id: `res-${ref}`,
    bookingRef: ref,
    propertyId,
    roomId,
    status,
    checkInDate: addDays(out, -2),
    checkOutDate: out,
    expectedGuestName: "Ada Byron",
    expectedGuestSurname: "byron",
    expectedGuestEmail: "ada.byron@example.com",
    expectedGuestPhone: "+447700900999",
    source: "desk",
  });
  const ids: string[] = [];
  for (const [i, s] of statuses.entries()) {
    const [row] = await recordReservationEvent(stack.db, {
      reservation: { id: `res-${ref}` },
      type: "reservation.changed",
      eventId: `evt_${ref}_${i}`,
      now: Date.now(),
    }).returning({ id: webhookDelivery.id });
    // As the webhooks job leaves them; a pending one has no attempt due, so nothing sends it here.
    await stack.db
      .update(webhookDelivery)
      .set({ status: s, nextAttemptAt: null, attempts: s === "pending" ? 1 : 3 })
      .where(eq(webhookDelivery.id, row!.id));
    ids.push(row!.id);
  }
  return ids;
}

async function runRetentionJob(propertyId: string) {
  const res = await fetch(`${stack.url}/parties/jobs/${propertyId}`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_AUTH_HEADER]: stack.vars.INTERNAL_SECRET! },
    body: JSON.stringify({ propertyId, job: "retention" }),
  });
  expect(res.status, await res.text()).toBe(200);
}

async function bodies(ids: string[]) {
  const rows = await stack.db
    .select({ id: webhookDelivery.id, payload: webhookDelivery.payload, status: webhookDelivery.status })
    .from(webhookDelivery)
    .where(inArray(webhookDelivery.id, ids));
  return new Map(rows.map((r) => [r.id, { status: r.status, event: JSON.parse(r.payload) }]));
}

const holdsGuest = (event: { data: { reservation: Record<string, unknown> } }) =>
  JSON.stringify(event).includes("Ada Byron") ||
  JSON.stringify(event).includes("ada.byron@") ||
  JSON.stringify(event).includes("900999");

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe("webhook bodies follow the guest's data", () => {
  it("redacts settled deliveries of anonymised bookings; one still retrying waits until it settles", async () => {
    const [delivered, failed, pending] = await stayWithDeliveries("WHR0001", PROPERTY, "room-101", 31, [
      "delivered",
      "failed",
      "pending",
    ]);
    const [recent] = await stayWithDeliveries("WHR0002", PROPERTY, "room-102", 29, ["delivered"]);
    const [elsewhere] = await stayWithDeliveries("WHR0003", OTHER_PROPERTY, "room-wh-elsewhere", 60, ["delivered"]);
    const all = [delivered!, failed!, pending!, recent!, elsewhere!];
    expect([...(await bodies(all)).values()].every((b) => holdsGuest(b.event))).toBe(true);

    await runRetentionJob(PROPERTY);
    const after = await eventually(
      () => bodies(all),
      (m) => !holdsGuest(m.get(delivered!)!.event) && !holdsGuest(m.get(failed!)!.event),
      30_000,
    );
    for (const id of [delivered!, failed!]) {
      const { event } = after.get(id)!;
      expect(event.data.reservation).toMatchObject({
        bookingRef: "WHR0001",
        checkedIn: true,
        expectedGuestName: null,
        expectedGuestEmail: null,
        expectedGuestPhone: null,
      });
      expect(event).toMatchObject({ type: "reservation.changed" });
      expect(event.id).toMatch(/^evt_WHR0001_/);
    }
    expect(after.get(delivered!)!.status).toBe("delivered");
    expect(after.get(failed!)!.status).toBe("failed");
    // Still retrying: the receiver gets the bytes it was promised.
    expect(holdsGuest(after.get(pending!)!.event)).toBe(true);
    // A stay within the retention period, and another property's booking, are not touched.
    expect(holdsGuest(after.get(recent!)!.event)).toBe(true);
    expect(holdsGuest(after.get(elsewhere!)!.event)).toBe(true);

    // The retry settles (given up); the next run redacts it, the booking long since anonymised.
    await stack.db.update(webhookDelivery).set({ status: "failed" }).where(eq(webhookDelivery.id, pending!));
    await runRetentionJob(PROPERTY);
    const settled = await eventually(
      () => bodies([pending!]),
      (m) => !holdsGuest(m.get(pending!)!.event),
      30_000,
    );
    expect(settled.get(pending!)!.event.data.reservation).toMatchObject({
      bookingRef: "WHR0001",
      expectedGuestName: null,
    });

    await runRetentionJob(OTHER_PROPERTY);
    const other = await eventually(
      () => bodies([elsewhere!]),
      (m) => !holdsGuest(m.get(elsewhere!)!.event),
      30_000,
    );
    expect(other.get(elsewhere!)!.event.data.reservation).toMatchObject({ expectedGuestEmail: null });
  });

  it("a manager's erase redacts the booking's settled webhook bodies at once", async () => {
    const [delivered] = await stayWithDeliveries("WHR0004", PROPERTY, "room-103", 0, ["delivered"], "cancelled");
    const admin = await signIn(stack.url);
    const erased = await desk(stack.url, "/bookings/WHR0004/guest-data/erase", admin, { method: "POST" });
    expect(erased.status, erased.text).toBe(200);
    const { event } = (await bodies([delivered!])).get(delivered!)!;
    expect(holdsGuest(event)).toBe(false);
    expect(event.data.reservation).toMatchObject({ bookingRef: "WHR0004", status: "cancelled" });
  });
});
