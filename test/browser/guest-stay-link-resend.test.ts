// A guest who checked in on another device comes back to /checkin/ and asks for the stay
// link again, by keyboard, at 320 px: the answer says where it went (masked) in a live
// region, the messages wait in the outbox for the booked contacts, and the per-booking
// limit is said in words.
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addDays, DEMO_PROPERTY_ID, DEMO_TIME_ZONE, todayIn } from "../../db/seed";
import { guest, message, reservation } from "../../db/schema";
import { RESENDS_PER_BOOKING } from "../../domain/stay-link-resend";
import { expectNoAxeViolations } from "../support/axe";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, lookUp, ownAddress } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();
const today = todayIn(DEMO_TIME_ZONE);

beforeAll(async () => {
  stack = await startTestStack();
  await stack.db.insert(reservation).values({
    id: "res-SLB0001",
    bookingRef: "SLB0001",
    propertyId: DEMO_PROPERTY_ID,
    roomId: "room-101",
    status: "checked_in",
    checkInDate: today,
    checkOutDate: addDays(today, 2),
    expectedGuestName: "Kate Sheppard",
    expectedGuestSurname: "sheppard",
  });
  await stack.db.insert(guest).values({
    id: "guest-SLB0001",
    fullName: "Kate Sheppard",
    phoneE164: "+447700900123",
    email: "kate.sheppard@example.com",
    reservationId: "res-SLB0001",
    bookingRef: "SLB0001",
    checkInDate: today,
    checkOutDate: addDays(today, 2),
    roomId: "room-101",
    frontDoorPin: "482913",
    secureToken: `staySLB0001${"x".repeat(36)}`,
    createdAt: Date.now(),
  });
});

afterAll(async () => {
  await stack?.stop();
});

it("sends the stay link again to the booked contacts and says where, masked, in a live region", async () => {
  const page = await browser.newPage({ ...ownAddress(), viewport: { width: 320, height: 720 } });
  await lookUp(page, stack.url, "SLB0001", "Sheppard");
  await expectHeading(page, "You have already checked in");
  const button = page.getByRole("button", { name: "Send my stay link again" });
  const status = page.getByRole("status").filter({ has: page.locator("p") });
  // The live region is on the page, empty, before anything is announced in it.
  expect(await page.locator('[role="status"][aria-live="polite"]').count()).toBe(1);
  await expectNoAxeViolations(page, "returning guest with the resend button");

  await button.focus();
  await page.keyboard.press("Enter");
  const sent = "We sent your stay link to k•••@example.com and •••• 0123. It can take a few minutes to arrive.";
  await status.filter({ hasText: "We sent your stay link to" }).waitFor();
  expect((await status.textContent())?.replace(/[\u2066\u2069]/g, "")).toBe(sent);
  expect(await page.content()).not.toContain("kate.sheppard@");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "stay link sent");
  await screenshot(page, "guest-stay-link-resent");

  const rows = await stack.db
    .select()
    .from(message)
    .where(and(eq(message.reservationId, "res-SLB0001"), like(message.idempotencyKey, "%:guest-resend-%")));
  expect(rows.map((m) => m.recipient).sort()).toEqual(["+447700900123", "kate.sheppard@example.com"]);

  const answered = () => page.waitForResponse((r) => r.url().endsWith("/api/stay-link/resend"));
  for (let i = 1; i < RESENDS_PER_BOOKING; i++) {
    const [response] = await Promise.all([answered(), button.click()]);
    expect(response.status()).toBe(202);
  }
  const [refused] = await Promise.all([answered(), button.click()]);
  expect(refused.status()).toBe(429);
  const alert = page.getByRole("alert").filter({ hasText: "several times in the last hour" });
  await alert.waitFor();
  await expectNoAxeViolations(page, "resend limit reached");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "guest-stay-link-limit");
});
