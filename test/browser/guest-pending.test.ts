// The lock vendor is slow: the guest confirms before the door codes exist. The
// confirm page says it is preparing them and moves on by itself when the room
// pushes completion; the guest never presses anything again.
import { afterAll, beforeAll, expect, it } from "vitest";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, ownAddress, reachConfirm } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "4000" });
});

afterAll(async () => {
  await stack?.stop();
});

it("waits on the confirm page while the door codes are made, then moves on by itself", async () => {
  const page = await browser.newPage(ownAddress());
  await reachConfirm(page, stack.url, "FD1006", { fullName: "Mary Jackson", phone: "07700 900321" });

  await page.getByRole("button", { name: "Confirm check-in" }).click();
  const preparing = page.getByRole("status").filter({ hasText: "Preparing your door codes…" });
  await preparing.waitFor();
  expect(await page.getByRole("button", { name: "Confirm check-in" }).getAttribute("aria-disabled")).toBe("true");
  await screenshot(page, "guest-pending-preparing");

  await page.waitForURL(/\/stay#/, { timeout: 90_000 });
  await expectHeading(page, "Your stay at Harbour House");
  await page.getByTestId("pin").waitFor();
  await screenshot(page, "guest-pending-stay");
});
