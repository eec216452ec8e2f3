// A manager keeps a key box's code in real Chromium: adds a manual lock (the error
// summary first), puts it on a room with the keyboard, sees "rotate the code" once a
// stay on it has ended, and sets a new code, which clears it. axe (WCAG 2.2 A/AA), 320 px.
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog, guest, manualLock, room } from "../../db/schema";
import { addDays, DEMO_CHECKED_IN_REF, todayIn } from "../../db/seed";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { desk as deskApi, signIn } from "../integration/desk-helpers";
import { expectNoAxeViolations } from "../support/axe";
import { useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5" });
});
afterAll(async () => stack?.stop());

async function openProperty(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, ...ownAddress() });
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await page.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
  await page.getByRole("link", { name: "Property", exact: true }).click();
  await page.waitForURL("**/desk/property");
  await page.getByTestId("manual-locks-panel").waitFor();
  await page.getByTestId("rooms-table").waitFor();
  return page;
}

const notice = (page: Page) => page.getByTestId("property-notice").textContent();

it("a manager adds a key box, puts it on a room, and rotates its code after a stay", async () => {
  const page = await openProperty({ width: 1100, height: 900 });
  const panel = page.getByTestId("manual-locks-panel");

  // Keyboard only: type into the fields, submit with Enter.
  await panel.getByLabel("Lock name").focus();
  await page.keyboard.type("Room 121 key box");
  await panel.getByLabel("Code", { exact: true }).focus();
  await page.keyboard.type("12");
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect.poll(() => summary.textContent()).toContain("Enter the code as 3 to 12 digits");
  await expectNoAxeViolations(page, "manual lock form with an error");
  await panel.getByLabel("Code", { exact: true }).fill("4321");
  await panel.getByLabel("Code", { exact: true }).press("Enter");
  await expect.poll(() => notice(page)).toContain("Manual lock Room 121 key box added.");
  const [box] = await stack.db.select().from(manualLock).where(eq(manualLock.name, "Room 121 key box"));
  expect(box).toMatchObject({ hint: "21", codeSetBy: expect.any(String) });
  expect(box!.codeCipher).not.toContain("4321");
  await expect.poll(() => panel.getByTestId("manual-locks-table").textContent()).toContain("ending 21");

  // Room 121 (the demo's checked-in guest) gets the key box as its room lock.
  const row = page.getByTestId("rooms-table").locator("tr", { hasText: "Room 121" });
  await row.getByRole("button", { name: /Edit/ }).click();
  const manualRadio = page.locator("#room-edit-roomLockId-kind-manual");
  await manualRadio.focus();
  await page.keyboard.press("Space");
  const chooser = page.getByLabel("Room lock: manual lock");
  await chooser.selectOption({ label: "Room 121 key box" });
  await expectNoAxeViolations(page, "room form with a manual lock");
  await page.getByRole("button", { name: "Save room" }).click();
  await expect.poll(() => notice(page)).toBe("Room 121 saved.");
  const [r121] = await stack.db.select().from(room).where(eq(room.name, "Room 121"));
  expect(r121!.roomLockId).toBe(`manual:${box!.id}`);
  await expect.poll(() => page.getByTestId("rooms-table").textContent()).toContain("Room 121 key box (manual code)");

  // The code was set before that guest's stay, which has now ended.
  const today = todayIn("Europe/London");
  await stack.db
    .update(manualLock)
    .set({ codeSetAt: Date.now() - 5 * 86_400_000 })
    .where(eq(manualLock.id, box!.id));
  await stack.db
    .update(guest)
    .set({ checkInDate: addDays(today, -3), checkOutDate: addDays(today, -1) })
    .where(eq(guest.bookingRef, DEMO_CHECKED_IN_REF));
  await page.reload();
  await page.getByTestId("manual-locks-panel").waitFor();
  const rotate = page.getByTestId("manual-rotate");
  await expect.poll(() => rotate.textContent()).toContain("Rotate the code for Room 121 key box");
  await expectNoAxeViolations(page, "rotation reminder");

  await page.getByRole("button", { name: "Set a new code for Room 121 key box" }).click();
  const newCode = page.getByLabel("New code", { exact: true });
  await expect.poll(() => newCode.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type("8 8 0 2");
  await page.keyboard.press("Enter");
  await expect.poll(() => notice(page)).toContain("New code ending 02 set for Room 121 key box.");
  await expect.poll(() => rotate.count()).toBe(0);
  const audit = await stack.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "manual-lock.code"), eq(auditLog.detail, box!.id)));
  expect(audit).toHaveLength(1);
}, 300_000);

it("reads at 320 px without sideways scrolling", async () => {
  const manager = await signIn(stack.url);
  const added = await deskApi(stack.url, "/manual-locks", manager, {
    method: "POST",
    body: { name: "Front door keypad", code: "90210" },
  });
  expect(added.status, added.text).toBe(201);
  const page = await openProperty({ width: 320, height: 700 });
  await page.getByTestId("manual-locks-table").waitFor();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "manual locks at 320 px");
}, 300_000);
