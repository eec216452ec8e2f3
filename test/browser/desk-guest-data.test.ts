// A manager exports and erases one guest's data from the Bookings page in real Chromium,
// by keyboard: the export downloads every row about the booking, erasure of a stay still
// going is refused in plain words, a cancelled booking's guest data is erased. axe finds
// no WCAG 2.2 A/AA violation, at desk width and at 320 px.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { reservation } from "../../db/schema";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { guestDataExport } from "../../shared/guest-data-protocol";
import { screenshot, useBrowser } from "../support/browser";
import { expectNoAxeViolations } from "../support/axe";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, ownAddress } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5" });
  await stack.db.update(reservation).set({ status: "cancelled" }).where(eq(reservation.bookingRef, "FD1003"));
});

afterAll(async () => {
  await stack?.stop();
});

async function showBooking(page: Page, ref: string) {
  await page.getByLabel("Reference or guest name").fill(ref);
  await page.getByRole("button", { name: "Show bookings" }).click();
  await page.locator(`tr[data-ref="${ref}"]`).waitFor();
  await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
}

/** Opens the row's Guest data panel from the keyboard. */
async function openPanel(page: Page, ref: string) {
  await page.locator(`tr[data-ref="${ref}"] summary`).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: `Erase guest data for ${ref}` }).waitFor();
}

it("exports and erases a guest's data from the desk, by keyboard", async () => {
  const page = await browser.newPage({
    viewport: { width: 1100, height: 800 },
    acceptDownloads: true,
    ...ownAddress(),
  });
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await page.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
  await page.goto(`${stack.url}/desk/bookings`);
  await expectHeading(page, "Bookings");

  // A stay still going: the export works, erasure is refused with the reason.
  await showBooking(page, "FD1001");
  await openPanel(page, "FD1001");
  await expectNoAxeViolations(page, "guest data panel");
  const link = page.getByRole("link", { name: "Export (JSON) for FD1001" });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("guest-data-FD1001.json");
  const exported = guestDataExport.parse(JSON.parse(readFileSync((await download.path())!, "utf8")));
  expect(exported.booking).toMatchObject({ bookingRef: "FD1001", expectedGuestName: "Grace Hopper" });

  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("alert").filter({ hasText: "has not ended" }).waitFor();
  await expectNoAxeViolations(page, "erase refused");

  // A cancelled booking: erased, and the page says so.
  await showBooking(page, "FD1003");
  await openPanel(page, "FD1003");
  await page.getByRole("button", { name: "Erase guest data for FD1003" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "The guest's personal data for FD1003 is erased." }).waitFor();
  const [row] = await stack.db.select().from(reservation).where(eq(reservation.bookingRef, "FD1003"));
  expect(row).toMatchObject({ expectedGuestName: null, expectedGuestEmail: null });
  expect(row!.anonymisedAt).not.toBeNull();

  // At 320 px the panel is still usable and axe-clean.
  await page.setViewportSize({ width: 320, height: 700 });
  await showBooking(page, "FD1001");
  await openPanel(page, "FD1001");
  const erase = page.getByRole("button", { name: "Erase guest data for FD1001" });
  await erase.scrollIntoViewIfNeeded();
  const box = await erase.boundingBox();
  expect(box!.width).toBeGreaterThan(0);
  await expectNoAxeViolations(page, "guest data panel at 320 px");
  await screenshot(page, "desk-guest-data-320");
}, 300_000);
