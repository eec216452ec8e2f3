// The Bookings page in real Chromium: a member of staff adds a booking by hand, copies
// its check-in link, and a guest checks in through that link on a phone without typing
// a reference; then a CSV export is previewed (bad rows listed) and imported. axe finds
// no violations on any state of the new pages; screenshots feed the README.
import { copyFileSync, mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addDays, todayIn } from "../../db/seed";
import { guest, reservation } from "../../db/schema";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress, submitDetails, submitParking } from "./guest-steps";
import { expectNoAxeViolations } from "../support/axe";

const DESK = { viewport: { width: 1100, height: 800 } };
const DOCS = new URL("../../docs/", import.meta.url);
const today = todayIn("Europe/London");

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5" });
});

afterAll(async () => {
  await stack?.stop();
});

/** Keeps a copy for the README, which shows the page as these tests leave it. */
async function docsScreenshot(page: Page, name: string) {
  const path = await screenshot(page, name);
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(path, new URL(`${name}.png`, DOCS));
}

async function openBookings(): Promise<Page> {
  const page = await browser.newPage({ ...DESK, ...ownAddress(), permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await page.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
  await page.getByRole("link", { name: "Bookings" }).click();
  await page.waitForURL("**/desk/bookings");
  await expectHeading(page, "Bookings");
  await page.getByTestId("bookings-table").waitFor();
  return page;
}

it("adds a booking by hand, and the guest checks in through its link", async () => {
  const desk = await openBookings();
  await expectNoAxeViolations(desk, "bookings list");
  await docsScreenshot(desk, "bookings-page");

  await desk.getByRole("button", { name: "Add a booking" }).click();
  await expectNoAxeViolations(desk, "add form");
  // Submitting empty puts the cursor's way to each problem at the top.
  await desk.getByLabel("Checkout date").fill("");
  await desk.getByRole("button", { name: "Add booking" }).click();
  const summary = desk.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  await expect
    .poll(() => desk.evaluate(() => document.activeElement?.classList.contains("desk-error-summary")))
    .toBe(true);
  await expectNoAxeViolations(desk, "add form with errors");

  await desk.getByLabel("Room").selectOption({ label: "Room 108" });
  await desk.getByLabel("Check-in date").fill(today);
  await desk.getByLabel("Checkout date").fill(addDays(today, 2));
  await desk.getByRole("textbox", { name: "Guest name", exact: true }).fill("Rosalind Franklin");
  await desk.getByRole("button", { name: "Add booking" }).click();
  const notice = desk.getByTestId("bookings-notice");
  await expect.poll(() => notice.textContent()).toMatch(/^Booking FD[A-Z2-9]{6} added\.$/);
  const ref = (await notice.textContent())!.split(" ")[1]!;

  // The new booking's link is offered straight away, with Copy and a message to paste.
  const urlField = desk.getByTestId("checkin-link-url");
  await urlField.waitFor();
  const url = await urlField.inputValue();
  expect(url).toMatch(new RegExp(`^${stack.url}/checkin/[A-Za-z0-9_-]{43}$`));
  await desk.getByRole("button", { name: "Copy link" }).click();
  await desk.getByText("Link copied.").waitFor();
  expect(await desk.evaluate(() => navigator.clipboard.readText())).toBe(url);
  expect(await desk.getByLabel("Message to send the guest").inputValue()).toContain(url);
  await expectNoAxeViolations(desk, "check-in link");

  // The guest: no reference to type.
  const phone = await browser.newPage(ownAddress());
  await phone.goto(url);
  await phone.waitForURL("**/checkin/details/?s=*");
  await expectHeading(phone, /Your details/);
  await expectNoHorizontalScroll(phone);
  await submitDetails(phone, { fullName: "Rosalind Franklin", phone: "07700 900888" });
  await phone.waitForURL("**/checkin/parking/?s=*");
  await submitParking(phone, null);
  await phone.waitForURL("**/checkin/confirm/?s=*");
  await phone.getByRole("button", { name: "Confirm check-in" }).click();
  await phone.waitForURL(/\/stay#/);

  const [row] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, ref));
  const [checkedIn] = await stack.db.select().from(guest).where(eq(guest.reservationId, row!.id));
  expect(checkedIn).toMatchObject({ fullName: "Rosalind Franklin", phoneE164: "+447700900888" });

  // Back at the desk, the booking shows its checked-in guest.
  await desk.getByLabel("Reference or guest name").fill(ref);
  await desk.getByRole("button", { name: "Show bookings" }).click();
  await desk.locator(`tr[data-ref="${ref}"]`).getByText("Checked in").waitFor();
}, 300_000);

it("previews a CSV export, lists its bad rows, then imports a clean one", async () => {
  const desk = await openBookings();
  const bad = [
    "Booking ref;Unit;Arrival;Departure;Guest name",
    `CSVB0001;Room 101;${dmy(addDays(today, 5))};${dmy(addDays(today, 7))};Ada Byron`,
    `CSVB0002;Room 999;${dmy(addDays(today, 5))};${dmy(addDays(today, 7))};Ada Byron`,
    `CSVB0003;Room 102;${dmy(addDays(today, 7))};${dmy(addDays(today, 5))};Ada Byron`,
  ].join("\n");
  await desk
    .getByRole("button", { name: "CSV file" })
    .setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${bad}`) });
  await desk.getByLabel("31/07/2026 (day first)").check();
  await desk.getByRole("button", { name: "Preview import" }).click();
  const preview = desk.getByTestId("import-preview");
  await preview.waitFor();
  expect(await preview.locator('[data-count="new"]').textContent()).toBe("1");
  expect(await preview.locator('[data-count="invalid"]').textContent()).toBe("2");
  const invalidRows = await desk.getByTestId("invalid-rows").locator("tbody tr").allTextContents();
  expect(invalidRows).toEqual([
    expect.stringContaining('There is no room called "Room 999".'),
    expect.stringContaining("The checkout date is not after the check-in date."),
  ]);
  await expect.poll(() => desk.getByRole("button", { name: /^Import/ }).count()).toBe(0);
  await expectNoAxeViolations(desk, "import preview with invalid rows");
  await preview.scrollIntoViewIfNeeded();
  await docsScreenshot(desk, "bookings-import-preview");

  const good = bad.split("\n").slice(0, 2).join("\n");
  await desk
    .getByRole("button", { name: "CSV file" })
    .setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await desk.getByRole("button", { name: "Preview import" }).click();
  await desk.getByRole("button", { name: "Import 1 bookings" }).click();
  await expect
    .poll(() => desk.getByTestId("bookings-notice").textContent())
    .toBe("Imported: 1 new, 0 changed, 0 unchanged.");
  const [row] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "CSVB0001"));
  expect(row).toMatchObject({
    roomId: "room-101",
    checkInDate: addDays(today, 5),
    source: "csv",
    expectedGuestName: "Ada Byron",
  });
  await expectNoAxeViolations(desk, "after import");
}, 300_000);

it("reads at 320 px without sideways scrolling", async () => {
  const desk = await openBookings();
  await desk.setViewportSize({ width: 320, height: 700 });
  await desk.getByRole("button", { name: "Add a booking" }).click();
  await expectNoAxeViolations(desk, "bookings at 320 px");
});

function dmy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
