// The wording editor in real Chromium at 320 px, by keyboard: a manager picks the reminder
// in French, rewrites its SMS and sees the server's preview follow, is told in an error
// summary that the SMS needs {link}, saves, sends a test to their own address that the
// Outbox shows as a test, and goes back to the standard wording. axe at every state.
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { message, messageWording } from "../../db/schema";
import { standardWording } from "../../domain/messages/wording";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { expectNoAxeViolations } from "../support/axe";
import { useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({});
});

afterAll(async () => {
  await stack?.stop();
});

/** Moves focus with Tab until the element `selector` finds has it, as a keyboard user would. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate((sel) => document.activeElement === document.querySelector(sel), selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

const status = (page: Page) => page.getByTestId("wording-status");

it("edits, previews, saves, sends a test and resets a message's wording by keyboard at 320 px", async () => {
  const desk = await browser.newPage({ viewport: { width: 320, height: 800 }, ...ownAddress() });
  // Any one step that waits longer than this fails where it is instead of using up the budget.
  desk.setDefaultTimeout(90_000);
  await desk.goto(`${stack.url}/desk/login`);
  await desk.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await desk.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await desk.getByLabel("Password").press("Enter");
  await expectHeading(desk, "Live board");
  await desk.goto(`${stack.url}/desk/outbox`);
  await expectHeading(desk, "Outbox");
  await desk.getByRole("heading", { name: "Wording", exact: true }).waitFor({ timeout: 30_000 });
  await desk.getByTestId("wording-source").getByText("Standard wording").waitFor();
  await expectNoAxeViolations(desk, "wording editor");

  // Choose the reminder in French with the keyboard alone (from the editor's first control:
  // tabbing there through every Outbox row is a minute of key presses under load).
  await desk.locator("#wording-kind").focus();
  await desk.keyboard.press("ArrowDown");
  await expect.poll(() => desk.locator("#wording-kind").inputValue()).toBe("reminder");
  await tabTo(desk, "#wording-language");
  await desk.keyboard.press("ArrowDown");
  await desk.keyboard.press("ArrowDown");
  await expect.poll(() => desk.locator("#wording-language").inputValue()).toBe("fr");
  await expect
    .poll(() => desk.getByLabel("SMS", { exact: true }).inputValue())
    .toBe(standardWording("reminder", "fr", false).sms);
  expect(await desk.getByLabel("SMS", { exact: true }).getAttribute("lang")).toBe("fr");

  // Rewrite the SMS without {link}: the live preview says why it cannot be saved.
  await tabTo(desk, "#wording-sms");
  await desk.keyboard.press("ControlOrMeta+A");
  await desk.keyboard.type("{property} : à demain, {arrival} !");
  await desk
    .getByTestId("wording-problems")
    .getByText(/The SMS must include \{link\}/)
    .waitFor();

  // Saving anyway: the error summary takes focus and links to the field.
  await tabTo(desk, "form.wording__form button[type=submit]");
  await desk.keyboard.press("Enter");
  const summary = desk.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  expect(await summary.getByRole("link").allTextContents()).toEqual([
    "SMS: The SMS must include {link}: it is the only way the guest reaches their page",
  ]);
  await expect
    .poll(() => desk.evaluate(() => document.activeElement?.classList.contains("desk-error-summary")))
    .toBe(true);
  expect(await desk.getByLabel("SMS", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  await expectNoAxeViolations(desk, "wording with an error");

  await summary.getByRole("link").press("Enter");
  await desk.waitForFunction(() => document.activeElement?.id === "wording-sms");
  await desk.keyboard.press("End");
  await desk.keyboard.type(" {link}");
  const preview = desk.getByTestId("wording-preview");
  await expect
    .poll(() => preview.locator("pre").last().textContent())
    .toMatch(/^Harbour House : à demain, \d{1,2} \S+ ! http:\/\/[^/]+\/checkin\/x{43}$/);
  expect(await desk.getByTestId("wording-sms-segments").textContent()).toMatch(/^SMS: 1 segment \(GSM-7\)$/);
  await tabTo(desk, "form.wording__form button[type=submit]");
  await desk.keyboard.press("Enter");
  await expect.poll(() => status(desk).textContent()).toBe("Your wording of the reminder in French is saved.");
  await desk.getByTestId("wording-source").getByText("Your own wording").waitFor();
  const [saved] = await stack.db
    .select()
    .from(messageWording)
    .where(and(eq(messageWording.kind, "reminder"), eq(messageWording.language, "fr")));
  expect(saved!.sms).toBe("{property} : à demain, {arrival} ! {link}");
  await expectNoAxeViolations(desk, "wording saved");
  await expectNoHorizontalScroll(desk);

  // A test of the saved words goes to the manager's own address and the Outbox shows it as a test.
  await tabTo(desk, "#wording-test");
  await desk.keyboard.press("Enter");
  await expect
    .poll(() => status(desk).textContent())
    .toBe(`A test of the saved reminder is on its way to ${DEFAULT_ADMIN.email}. It is at the top of the Outbox.`);
  const testItem = desk.locator('li[data-kind="test"][data-channel="email"]');
  await expect
    .poll(
      async () => {
        await desk.getByRole("button", { name: "Refresh" }).press("Enter");
        await desk.waitForTimeout(500);
        return testItem.count();
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(1);
  expect(await testItem.textContent()).toContain(DEFAULT_ADMIN.email);
  expect(await testItem.textContent()).toContain("[Test] ");
  const [row] = await stack.db.select().from(message).where(eq(message.kind, "test"));
  expect(row).toMatchObject({ recipient: DEFAULT_ADMIN.email, language: "fr", reservationId: null });
  await expectNoAxeViolations(desk, "outbox with a test");

  // Back to the standard wording.
  await tabTo(desk, "#wording-reset");
  await desk.keyboard.press("Enter");
  await expect.poll(() => status(desk).textContent()).toBe("The reminder in French uses the standard wording again.");
  await desk.getByTestId("wording-source").getByText("Standard wording").waitFor();
  expect(await desk.getByLabel("SMS", { exact: true }).inputValue()).toContain("{link}");
  expect(await stack.db.select().from(messageWording)).toEqual([]);
  await expectNoAxeViolations(desk, "wording reset");
  await expectNoHorizontalScroll(desk);
}, 600_000);
