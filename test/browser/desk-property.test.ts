// The Property page in real Chromium: a manager is told plainly that a made-up time zone
// is not one, changes the property's country, renames a room, adds one and deletes it, and
// hears the server's refusal to retire a room with a guest arriving. Every state is checked
// with axe against WCAG 2.2 A/AA, and the page reads at 320 px without sideways scrolling.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { property, room } from "../../db/schema";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { addStaff, PROPERTY } from "../integration/desk-helpers";
import { useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";
import { expectNoAxeViolations } from "../support/axe";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5" });
});

afterAll(async () => {
  await stack?.stop();
});

async function openPropertyPage(
  viewport = { width: 1100, height: 800 },
  who: { email: string; password: string } = DEFAULT_ADMIN,
): Promise<Page> {
  const page = await browser.newPage({ viewport, ...ownAddress() });
  // Retire and delete ask first; the manager says yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
  await page.getByRole("link", { name: "Property", exact: true }).click();
  await page.waitForURL("**/desk/property");
  await expectHeading(page, "Property and rooms");
  await page.getByTestId("rooms-table").waitFor();
  return page;
}

const notice = (page: Page) => page.getByTestId("property-notice");

it("refuses a made-up time zone, then saves a new country", async () => {
  const desk = await openPropertyPage();
  await expectNoAxeViolations(desk, "property page");
  expect(await desk.getByLabel("Country", { exact: true }).inputValue()).toBe("GB");

  await desk.getByLabel("Time zone", { exact: true }).fill("Mars/Olympus_Mons");
  await desk.getByRole("button", { name: "Save settings" }).click();
  const summary = desk.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  expect(await summary.getByRole("link").allTextContents()).toEqual([
    "Time zone: Enter a time zone like Europe/London",
  ]);
  await expect
    .poll(() => desk.evaluate(() => document.activeElement?.classList.contains("desk-error-summary")))
    .toBe(true);
  expect(await desk.getByLabel("Time zone", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  await expectNoAxeViolations(desk, "settings with an error");
  const [unchanged] = await stack.db.select().from(property);
  expect(unchanged).toMatchObject({ timeZone: "Europe/London", country: "GB" });

  // The summary's link takes the keyboard to the field at fault.
  await summary.getByRole("link").click();
  await desk.waitForFunction(() => document.activeElement?.id === "property-timeZone");
  await desk.keyboard.press("ControlOrMeta+A");
  await desk.keyboard.type("Europe/London");
  await desk.getByLabel("Country", { exact: true }).fill("ie");
  await desk.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(() => notice(desk).textContent()).toBe("Property settings saved.");
  await expect.poll(() => summary.count()).toBe(0);
  expect(await desk.getByLabel("Country", { exact: true }).inputValue()).toBe("IE");
  const [saved] = await stack.db.select().from(property);
  expect(saved).toMatchObject({ timeZone: "Europe/London", country: "IE", phone: "+441632960000" });
  await expectNoAxeViolations(desk, "settings saved");
}, 300_000);

it("renames a room, adds one, deletes it, and is told why a room with arrivals stays", async () => {
  const desk = await openPropertyPage();
  const table = desk.getByTestId("rooms-table");

  await table.getByRole("button", { name: "Edit Room 103" }).click();
  await expectHeading(desk, "Property and rooms");
  const name = desk.getByLabel("Room name");
  expect(await name.inputValue()).toBe("Room 103");
  await name.fill("Garden Room 103");
  await desk.getByRole("button", { name: "Save room" }).click();
  await expect.poll(() => notice(desk).textContent()).toBe("Garden Room 103 saved.");
  await table.getByRole("rowheader", { name: "Garden Room 103" }).waitFor();
  const [renamed] = await stack.db.select().from(room).where(eq(room.id, "room-103"));
  expect(renamed).toMatchObject({ name: "Garden Room 103", roomLockId: "lock-room-103" });

  await desk.getByRole("button", { name: "Add a room" }).click();
  await desk.getByRole("button", { name: "Add room" }).click();
  const summary = desk.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  expect(await summary.getByRole("link").count()).toBe(3);
  await expectNoAxeViolations(desk, "add room with errors");
  await desk.getByLabel("Room name").fill("Loft 301");
  await desk.getByLabel("Front door lock id").fill("lock-front-harbour");
  await desk.getByLabel("Room lock id").fill("lock-room-301");
  await desk.getByRole("button", { name: "Add room" }).click();
  await expect.poll(() => notice(desk).textContent()).toBe("Loft 301 added.");
  const loftRow = table.locator("tr").filter({ has: desk.getByRole("rowheader", { name: "Loft 301" }) });
  await loftRow.getByText("lock-room-301").waitFor();
  const [loft] = await stack.db.select().from(room).where(eq(room.name, "Loft 301"));
  expect(loft).toMatchObject({ frontDoorLockId: "lock-front-harbour", roomLockId: "lock-room-301", retiredAt: null });
  await expectNoAxeViolations(desk, "room added");

  // Room 101 has a guest arriving today: the server says no, and the page says why.
  await table.getByRole("button", { name: "Retire Room 101" }).click();
  await expect.poll(() => notice(desk).textContent()).toMatch(/^Room 101 has bookings that haven't checked out yet\./);
  const [stillInUse] = await stack.db.select().from(room).where(eq(room.id, "room-101"));
  expect(stillInUse!.retiredAt).toBeNull();

  await table.getByRole("button", { name: "Delete Loft 301" }).click();
  await expect.poll(() => notice(desk).textContent()).toBe("Loft 301 deleted.");
  await expect.poll(() => loftRow.count()).toBe(0);
  expect(await stack.db.select().from(room).where(eq(room.name, "Loft 301"))).toEqual([]);
}, 300_000);

it("reads at 320 px without sideways scrolling", async () => {
  const desk = await openPropertyPage({ width: 320, height: 700 });
  await expectNoHorizontalScroll(desk);
  await expectNoAxeViolations(desk, "property page at 320 px");
  await desk.getByRole("button", { name: "Add a room" }).click();
  await expectNoHorizontalScroll(desk);
  await expectNoAxeViolations(desk, "add room at 320 px");
}, 300_000);

it("shows staff who are not managers the settings and rooms without controls", async () => {
  const porter = { email: "porter@harbour.test", password: "porter-password-1" };
  await addStaff(stack.db, { id: "staff-porter", role: "staff", propertyId: PROPERTY, ...porter });
  const desk = await openPropertyPage(undefined, porter);
  await desk.getByText("Only a manager can change these.").waitFor();
  expect(await desk.getByRole("textbox").count()).toBe(0);
  expect(await desk.getByRole("button", { name: /Save settings|Add a room|Edit|Retire|Delete/ }).count()).toBe(0);
  expect(await desk.getByRole("columnheader", { name: "Actions" }).count()).toBe(0);
  await desk.getByRole("definition").filter({ hasText: "Europe/London" }).waitFor();
  await desk.getByTestId("rooms-table").getByRole("rowheader", { name: "Room 101" }).waitFor();
  await expectNoAxeViolations(desk, "read-only property page");
}, 300_000);
