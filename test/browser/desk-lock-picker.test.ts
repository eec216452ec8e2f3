// The room form's lock picker in real Chromium: the locks the Seam simulator's workspace
// holds are offered with whether each is online and its battery, chosen with the
// keyboard, and a lock the list lacks is typed. axe (WCAG 2.2 A/AA) and 320 px.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { room } from "../../db/schema";
import { configureSimDevice, seamSimKey } from "../../party/seamsim/inspect";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { addStaff, desk as deskApi, PROPERTY, signIn } from "../integration/desk-helpers";
import { expectNoAxeViolations } from "../support/axe";
import { useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5" });
  const key = seamSimKey(stack.vars);
  await configureSimDevice(stack.url, key, "lock-front-harbour", { online: true, battery_level: 0.8 });
  await configureSimDevice(stack.url, key, "lock-loft-301", { online: false, battery_level: 0.2 });
});
afterAll(async () => stack?.stop());

async function openAddRoom(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, ...ownAddress() });
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await page.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
  await page.getByRole("link", { name: "Property", exact: true }).click();
  await page.waitForURL("**/desk/property");
  await page.getByTestId("rooms-table").waitFor();
  await page.getByRole("button", { name: "Add a room" }).click();
  await page.getByLabel("Front door lock", { exact: true }).waitFor();
  return page;
}

it("lists the workspace's locks to managers only, with name, online and battery", async () => {
  const manager = await signIn(stack.url);
  const res = await deskApi(stack.url, "/lock-devices", manager);
  expect(res.status).toBe(200);
  expect(res.body.devices).toEqual(
    expect.arrayContaining([
      { lockId: "lock-front-harbour", name: expect.any(String), online: true, batteryLevel: 0.8 },
      { lockId: "lock-loft-301", name: expect.any(String), online: false, batteryLevel: 0.2 },
    ]),
  );
  const porter = { email: "porter-picker@harbour.test", password: "porter-password-1" };
  await addStaff(stack.db, { id: "staff-porter-picker", role: "staff", propertyId: PROPERTY, ...porter });
  const staff = await signIn(stack.url, porter.email, porter.password);
  expect((await deskApi(stack.url, "/lock-devices", staff)).status).toBe(403);
  expect((await deskApi(stack.url, "/lock-devices", null)).status).toBe(401);
});

it("a manager picks the front-door lock with the keyboard and types a lock the list lacks", async () => {
  const page = await openAddRoom({ width: 1100, height: 800 });
  const front = page.getByLabel("Front door lock", { exact: true });
  const options = await front.locator("option").allTextContents();
  expect(options).toContain("Simulated lock lock-loft-301 (offline, battery 20%)");
  expect(options.at(-1)).toBe("Another lock: type its id");
  await expectNoAxeViolations(page, "add room with the picker");

  await page.getByLabel("Room name").fill("Loft 301");
  // Keyboard only: focus the select and move through it with the arrow keys.
  await front.focus();
  while ((await front.inputValue()) !== "lock-front-harbour") await page.keyboard.press("ArrowDown");
  await page.getByLabel("Room lock", { exact: true }).selectOption("__type");
  await page.getByLabel("Room lock, typed").fill("keybox-loft-301");
  await expectNoAxeViolations(page, "a lock typed");
  await page.getByRole("button", { name: "Add room" }).click();
  await expect.poll(() => page.getByTestId("property-notice").textContent()).toBe("Loft 301 added.");
  const [loft] = await stack.db.select().from(room).where(eq(room.name, "Loft 301"));
  expect(loft).toMatchObject({ frontDoorLockId: "lock-front-harbour", roomLockId: "keybox-loft-301" });
}, 300_000);

it("reads at 320 px without sideways scrolling", async () => {
  const page = await openAddRoom({ width: 320, height: 700 });
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "the picker at 320 px");
}, 300_000);
