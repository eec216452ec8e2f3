// The unsubscribe page in real Chromium at 320 px: the link opens a confirm page (nothing
// recorded yet), the one button is reached and pressed from the keyboard, the opt-out is
// in libSQL at once and the page says so; a broken link says it does not work. axe
// (WCAG 2.2 A/AA) finds nothing on any of the three states.
import { afterAll, beforeAll, expect, it } from "vitest";
import { isOptedOut } from "../../db/queries/messages";
import { sealUnsubscribe } from "../../party/messages/unsubscribe-token";
import { PROPERTY } from "../integration/desk-helpers";
import { expectNoAxeViolations } from "../support/axe";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll } from "./guest-steps";

const NARROW = { viewport: { width: 320, height: 640 } };

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

it("confirms, then unsubscribes from the keyboard, at 320 px, axe-clean", async () => {
  const address = `guest-${Date.now()}@example.com`;
  const token = await sealUnsubscribe(stack.vars.SESSION_SECRET ?? "", {
    propertyId: PROPERTY,
    channel: "email",
    address,
  });
  const page = await browser.newPage(NARROW);
  await page.goto(`${stack.url}/unsubscribe/${token}`);
  await expectHeading(page, /^Stop emails from .+\?$/);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "confirm page");
  await screenshot(page, "unsubscribe-confirm");
  expect(await isOptedOut(stack.db, PROPERTY, "email", address)).toBe(false);

  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Unsubscribe");
  await page.keyboard.press("Enter");
  await expectHeading(page, "You are unsubscribed");
  expect(await isOptedOut(stack.db, PROPERTY, "email", address)).toBe(true);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "done page");
  await screenshot(page, "unsubscribe-done");

  // Opening the link again shows the choice already made.
  await page.goto(`${stack.url}/unsubscribe/${token}`);
  await expectHeading(page, "You are unsubscribed");
});

it("a broken link says it does not work, axe-clean", async () => {
  const page = await browser.newPage(NARROW);
  const res = await page.goto(`${stack.url}/unsubscribe/not-a-real-token`);
  expect(res?.status()).toBe(404);
  await expectHeading(page, "This unsubscribe link does not work");
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "invalid link page");
});
