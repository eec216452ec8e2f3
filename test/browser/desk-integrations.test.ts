// The desk's Integrations page in real Chromium: a manager creates an API key, sees it
// once with a Copy button, uses it against /api/v1, revokes it after a confirm step (and
// the API refuses it); registers a webhook endpoint and sees its secret once and the
// delivery log. axe (WCAG 2.2 A/AA) finds nothing on any state, keyboard only, and the
// page reads at 320 px without sideways scrolling.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { expectNoAxeViolations } from "../support/axe";
import { useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";

const DESK = { viewport: { width: 1100, height: 800 } };

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ WEBHOOK_ALLOW_PRIVATE_URLS: "1" });
});

afterAll(async () => {
  await stack?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${stack.url}/desk/login`);
  await page.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await page.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(page, "Live board");
}

const rooms = (key: string) => fetch(`${stack.url}/api/v1/rooms`, { headers: { authorization: `Bearer ${key}` } });

it("a manager creates an API key, sees it once, revokes it; registers a webhook endpoint", async () => {
  const page = await browser.newPage({ ...DESK, ...ownAddress(), permissions: ["clipboard-read", "clipboard-write"] });
  await signIn(page);
  await page.getByRole("link", { name: "Integrations" }).click();
  await page.waitForURL("**/desk/integrations");
  await expectHeading(page, "Integrations");
  await expectNoAxeViolations(page, "empty page");

  // An empty name is refused with a GOV.UK error summary that takes focus.
  await page.getByRole("button", { name: "Create key" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await summary.waitFor();
  expect(await summary.textContent()).toContain("Enter a name for the key");
  await expectNoAxeViolations(page, "key form with errors");

  // Keyboard only: type the name and submit with Enter.
  await page.getByLabel("Key name").focus();
  await page.keyboard.type("Channel manager");
  await page.keyboard.press("Enter");
  await page.getByTestId("new-api-key").waitFor();
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^fd_live_/);
  await expect.poll(() => page.getByTestId("integrations-notice").textContent()).toContain("shown only once");
  await page.getByRole("button", { name: "Copy API key" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectNoAxeViolations(page, "key shown once");
  expect((await rooms(key)).status).toBe(200);

  await page.getByRole("button", { name: /^Done/ }).click();
  await expect.poll(() => page.getByTestId("new-api-key").count()).toBe(0);
  // Never shown again: the list has only its first characters.
  await page.reload();
  await page.getByTestId("api-keys-table").waitFor();
  expect(await page.content()).not.toContain(key);
  expect(await page.getByTestId("api-keys-table").textContent()).toContain(key.slice(0, 14));

  await page.getByRole("button", { name: "Revoke the key Channel manager" }).click();
  await page.getByRole("alertdialog").waitFor();
  await expectNoAxeViolations(page, "revoke confirm step");
  await page.getByRole("button", { name: "Yes, revoke the key" }).click();
  await expect.poll(() => page.getByTestId("integrations-notice").textContent()).toContain("is revoked");
  await expect.poll(() => page.getByTestId("api-keys-table").textContent()).toContain("Revoked");
  expect((await rooms(key)).status).toBe(401);

  // A webhook endpoint: a bad URL is explained, a good one shows its secret once.
  await page.getByLabel("Endpoint URL").fill("ftp://example.com");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect
    .poll(() => page.getByRole("alert").filter({ hasText: "There is a problem" }).textContent())
    .toContain("https://");
  await page.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await page.getByTestId("new-webhook-secret").waitFor();
  expect(await page.getByLabel("Signing secret", { exact: true }).inputValue()).toMatch(/^whsec_/);
  await expect.poll(() => page.getByTestId("webhook-endpoints").textContent()).toContain("http://127.0.0.1:9/hooks");
  await expectNoAxeViolations(page, "endpoint added");

  // A change now is stored for the endpoint and shows in the delivery log.
  await page.goto(`${stack.url}/desk/integrations`);
  const res = await page.request.put(`${stack.url}/api/desk/bookings/FD1001`, {
    data: { roomId: "room-101", checkInDate: "2030-01-01", checkOutDate: "2030-01-03" },
  });
  expect(res.status()).toBe(200);
  await page.reload();
  await page.getByTestId("deliveries-table").waitFor();
  expect(await page.getByTestId("deliveries-table").textContent()).toContain("reservation.changed");
  await expectNoAxeViolations(page, "delivery log");

  await page.getByRole("button", { name: "Remove the endpoint http://127.0.0.1:9/hooks" }).click();
  await page.getByRole("button", { name: "Yes, remove the endpoint" }).click();
  await expect.poll(() => page.getByTestId("integrations-notice").textContent()).toContain("removed");
  // Many steps, each a round trip through a busy machine's workerd and Chromium.
}, 300_000);

it("reads at 320 px without sideways scrolling", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 700 }, ...ownAddress() });
  await signIn(page);
  await page.goto(`${stack.url}/desk/integrations`);
  await expectHeading(page, "Integrations");
  await page.getByTestId("deliveries-table").waitFor();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, "integrations at 320 px");
});
