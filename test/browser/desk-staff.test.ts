// The desk's Staff, Account and set-password pages in real Chromium: a manager invites a
// colleague and copies the one-time link, the colleague opens it signed out, meets the
// server's password policy, sets a password and signs in; a member of staff changes
// their own password and signs in with the new one. axe (WCAG 2.2 A/AA) finds nothing
// on any state of the new pages, and each reads at 320 px without sideways scrolling.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { addStaff, PROPERTY } from "../integration/desk-helpers";
import { useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";
import { expectNoAxeViolations } from "../support/axe";

const DESK = { viewport: { width: 1100, height: 800 } };

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
}

async function errorSummaryText(page: Page): Promise<string> {
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.classList.contains("desk-error-summary")))
    .toBe(true);
  return (await summary.textContent()) ?? "";
}

it("a manager invites a colleague, who sets a password through the link and signs in", async () => {
  const manager = await browser.newPage({
    ...DESK,
    ...ownAddress(),
    permissions: ["clipboard-read", "clipboard-write"],
  });
  await signIn(manager, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password);
  await manager.getByRole("link", { name: "Staff" }).click();
  await manager.waitForURL("**/desk/staff");
  await expectHeading(manager, "Staff");
  await manager.getByTestId("staff-table").waitFor();
  await expectNoAxeViolations(manager, "staff list");

  await manager.getByRole("button", { name: "Invite a colleague" }).click();
  await manager.getByRole("button", { name: "Invite", exact: true }).click();
  expect(await errorSummaryText(manager)).toContain("Enter their email address");
  await expectNoAxeViolations(manager, "invite form with errors");

  await manager.getByLabel("Email").fill("grace.hopper@frontdoor.test");
  await manager.getByLabel("Name").fill("Grace Hopper");
  await manager.getByRole("radio", { name: /^Staff/ }).check();
  await manager.getByRole("button", { name: "Invite", exact: true }).click();
  const panel = manager.getByTestId("password-link");
  await panel.waitFor();
  const link = await manager.getByLabel("Set-password link").inputValue();
  expect(link).toMatch(new RegExp(`^${stack.url}/desk/set-password#[A-Za-z0-9_-]{43}$`));
  await manager.getByRole("button", { name: "Copy link" }).click();
  await manager.getByText("Link copied.").waitFor();
  expect(await manager.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const row = manager.locator('tr[data-email="grace.hopper@frontdoor.test"]');
  await row.getByText("Active").waitFor();
  await expectNoAxeViolations(manager, "invitation link");

  // The invited colleague, on a phone-sized screen, signed out.
  const colleague = await browser.newPage(ownAddress());
  await colleague.goto(link);
  await expectHeading(colleague, "Set your password");
  await expectNoHorizontalScroll(colleague);
  await expectNoAxeViolations(colleague, "set-password page");
  await colleague.getByLabel("New password").fill("password1234");
  await colleague.getByRole("button", { name: "Set password" }).click();
  expect(await errorSummaryText(colleague)).toMatch(/too common/);
  await expect.poll(() => colleague.getByLabel("New password").getAttribute("aria-invalid")).toBe("true");
  await expectNoAxeViolations(colleague, "set-password page with the server's error");
  await colleague.getByLabel("New password").fill("compass lantern harbour");
  await colleague.getByRole("button", { name: "Set password" }).click();
  await expectHeading(colleague, "Your password is set");
  // The spent token leaves the address bar.
  expect(new URL(colleague.url()).hash).toBe("");
  await colleague.getByRole("link", { name: "Sign in to the front desk" }).click();
  await colleague.getByLabel("Email").fill("grace.hopper@frontdoor.test");
  await colleague.getByLabel("Password").fill("compass lantern harbour");
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(colleague, "Live board");
  // Staff see no Staff page.
  await colleague.getByRole("link", { name: "Your account" }).waitFor();
  expect(await colleague.getByRole("link", { name: "Staff", exact: true }).count()).toBe(0);

  // The same link a second time is spent.
  const again = await browser.newPage(ownAddress());
  await again.goto(link);
  await again.getByLabel("New password").fill("another long passphrase");
  await again.getByRole("button", { name: "Set password" }).click();
  await again
    .getByRole("alert")
    .getByText(/expired or has already been used/)
    .waitFor();

  // A reset gives a new link; deactivating needs a confirm step, then ends the colleague's session.
  await row.getByRole("button", { name: "Reset password for Grace Hopper" }).click();
  await expect.poll(() => manager.getByLabel("Set-password link").inputValue()).not.toBe(link);
  await manager.getByRole("button", { name: /^Done/ }).click();
  await row.getByRole("button", { name: "Deactivate Grace Hopper" }).click();
  await manager.getByRole("alertdialog", { name: "Deactivate Grace Hopper?" }).waitFor();
  await expectNoAxeViolations(manager, "deactivate confirm step");
  await manager.getByRole("button", { name: "Yes, deactivate Grace Hopper" }).click();
  await row.getByText("Deactivated").waitFor();
  await colleague.reload();
  await expectHeading(colleague, "Sign in to the front desk");
}, 300_000);

it("a member of staff changes their own password and signs in with the new one", async () => {
  const email = "own.password@frontdoor.test";
  await addStaff(stack.db, {
    id: "staff-own-pw",
    email,
    role: "staff",
    propertyId: PROPERTY,
    password: "first-password-1",
  });
  const page = await browser.newPage({ ...DESK, ...ownAddress() });
  await signIn(page, email, "first-password-1");
  await page.getByRole("link", { name: "Your account" }).click();
  await page.waitForURL("**/desk/account");
  await expectHeading(page, "Your account");
  await expectNoAxeViolations(page, "account page");

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("second passphrase here");
  await page.getByRole("button", { name: "Change password" }).click();
  expect(await errorSummaryText(page)).toContain("Your current password is not right");
  await expectNoAxeViolations(page, "account page with the server's error");

  await page.getByLabel("Current password").fill("first-password-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect.poll(() => page.getByTestId("account-notice").textContent()).toMatch(/Your password is changed/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expectHeading(page, "Sign in to the front desk");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").getByText("That email and password don't match a staff account.").waitFor();
  await page.getByLabel("Password").fill("second passphrase here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
}, 300_000);

it("the Staff and Account pages read at 320 px without sideways scrolling", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 }, ...ownAddress() });
  await signIn(page, DEFAULT_ADMIN.email, DEFAULT_ADMIN.password);
  for (const [path, heading] of [
    ["/desk/staff", "Staff"],
    ["/desk/account", "Your account"],
  ] as const) {
    await page.goto(`${stack.url}${path}`);
    await expectHeading(page, heading);
    if (path === "/desk/staff") {
      await page.getByTestId("staff-table").waitFor();
      await page.getByRole("button", { name: "Invite a colleague" }).click();
    }
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, `${path} at 320 px`);
  }
}, 300_000);
