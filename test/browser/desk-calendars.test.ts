// The Calendars section of the Property page in real Chromium: a manager adds a room's
// Airbnb calendar (a local server stands in for Airbnb) after the form has said plainly
// what was missing, sees it sync with its bookings counted, sees a broken feed's reason,
// and asks for a sync from the keyboard. axe (WCAG 2.2 A/AA) on each state; 320 px wide.
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addDays, todayIn } from "../../db/seed";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { expectNoAxeViolations } from "../support/axe";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";

const DOCS = new URL("../../docs/", import.meta.url);
const today = todayIn("Europe/London");
const d = (days: number) => addDays(today, days).replaceAll("-", "");

let stack: TestStack;
let server: Server;
let base: string;
const browser = useBrowser();

const feed = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN",
  ...[
    ["HMBROWSER1", 2, 4],
    ["HMBROWSER2", 6, 9],
  ].flatMap(([code, from, to]) => [
    "BEGIN:VEVENT",
    `DTSTART;VALUE=DATE:${d(from as number)}`,
    `DTEND;VALUE=DATE:${d(to as number)}`,
    `UID:${code}@airbnb.com`,
    `DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/${code}`,
    "SUMMARY:Reserved",
    "END:VEVENT",
  ]),
  "BEGIN:VEVENT",
  `DTSTART;VALUE=DATE:${d(12)}`,
  `DTEND;VALUE=DATE:${d(20)}`,
  "UID:blocked-1@airbnb.com",
  "SUMMARY:Airbnb (Not available)",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith("/calendar/ical/4242.ics")) {
      res.writeHead(200, { "content-type": "text/calendar" });
      res.end(feed);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5", ICAL_ALLOW_LOCAL: "1", ICAL_FETCH_TIMEOUT_MS: "3000" });
});

afterAll(async () => {
  await stack?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPropertyPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, ...ownAddress() });
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await page.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
  await page.getByRole("link", { name: "Property", exact: true }).click();
  await page.waitForURL("**/desk/property");
  await page.getByRole("heading", { name: "Calendars" }).waitFor();
  return page;
}

const row = (page: Page, host: string, room: string) =>
  page.getByTestId("calendars-table").getByRole("row").filter({ hasText: room }).filter({ hasText: host });

it("adds a room's calendar, shows its sync and a broken feed's reason, and syncs on request", async () => {
  const desk = await openPropertyPage({ width: 1100, height: 900 });
  await desk.getByText("No calendars yet.").waitFor();
  await expectNoAxeViolations(desk, "no calendars");

  await desk.getByRole("button", { name: "Add calendar" }).click();
  const summary = desk.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  expect(await summary.getByRole("link").allTextContents()).toEqual([
    "Room: Choose the room this calendar is for",
    "Calendar export address: Enter the calendar's export address",
  ]);
  await expectNoAxeViolations(desk, "calendar form with errors");

  await desk.getByLabel("Room", { exact: true }).selectOption({ label: "Room 103" });
  await desk.getByLabel("Calendar export address").fill("ftp://example.com/cal.ics");
  await desk.getByRole("button", { name: "Add calendar" }).click();
  await summary.getByText("The address must start with https://").waitFor();

  await desk.getByLabel("Calendar export address").fill(`${base}/calendar/ical/4242.ics?s=token`);
  await desk.getByRole("button", { name: "Add calendar" }).click();
  await desk.getByTestId("property-notice").getByText("Calendar added to Room 103.", { exact: false }).waitFor();
  const good = row(desk, new URL(base).host, "Room 103");
  await good.getByText("Synced").waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await good.getByRole("cell").allTextContents())[2], { timeout: 15_000 }).toBe("2");
  await good.getByText("1 blocked stretch (not bookings).").waitFor();

  // A feed that is gone, added from the keyboard alone.
  await desk.getByLabel("Room", { exact: true }).selectOption({ label: "Room 104" });
  await desk.getByLabel("Calendar export address").focus();
  await desk.keyboard.type(`${base}/calendar/ical/gone.ics`);
  await desk.keyboard.press("Enter");
  const gone = row(desk, new URL(base).host, "Room 104");
  await gone.getByText("HTTP 404").waitFor({ timeout: 30_000 });
  await gone.getByText("Failing").waitFor();
  await expectNoAxeViolations(desk, "calendars synced and failing");
  await docsScreenshot(desk, "calendars");

  await desk.getByRole("button", { name: "Sync now" }).focus();
  await desk.keyboard.press("Enter");
  await desk.getByTestId("property-notice").getByText("Sync requested.", { exact: false }).waitFor();
  await desk.keyboard.press("Enter");
  await desk.getByTestId("property-notice").getByText("Try again in 30 seconds", { exact: false }).waitFor();

  await gone.getByRole("button", { name: /Remove/ }).click();
  await desk.getByTestId("property-notice").getByText("Calendar removed from Room 104.").waitFor();
  await expect.poll(() => gone.count()).toBe(0);
  await desk.close();
}, 240_000);

it("reads at 320 px without sideways scrolling", async () => {
  const phone = await openPropertyPage({ width: 320, height: 800 });
  await phone.getByTestId("calendars-table").waitFor();
  await phone.getByRole("heading", { name: "Calendars" }).scrollIntoViewIfNeeded();
  await expectNoHorizontalScroll(phone);
  await expectNoAxeViolations(phone, "calendars at 320 px");
  await phone.close();
});

/** The whole page for the test's record; the Calendars section alone for the README. */
async function docsScreenshot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(DOCS, { recursive: true });
  await page.locator("section.calendars").screenshot({ path: new URL(`${name}.png`, DOCS).pathname });
}
