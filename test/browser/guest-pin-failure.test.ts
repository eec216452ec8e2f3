// Every lock call fails and the retries run out: the guest lands on the error page,
// which says what happened in plain words, gives the front desk's number and the
// booking reference, and keeps listening: when the desk fixes it, the page moves on.
import { afterAll, beforeAll, expect, it } from "vitest";
import { INTERNAL_AUTH_HEADER } from "../../shared/protocol/internal";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectFocusOnHeading, expectHeading, ownAddress, reachConfirm, sessionIdOf } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_FAILURE_RATE: "1", PIN_MAX_ATTEMPTS: "2", PIN_RETRY_BASE_MS: "50" });
});

afterAll(async () => {
  await stack?.stop();
});

it("takes the guest to the error page when the door codes cannot be made", async () => {
  const page = await browser.newPage(ownAddress());
  // PINs are made from the moment the details are in; a failure surfaces when the guest confirms.
  await reachConfirm(page, stack.url, "FD1007", { fullName: "Dorothy Vaughan", phone: "07700 900654" });
  await page.getByRole("button", { name: "Confirm check-in" }).click();

  await page.waitForURL("**/checkin/error/?s=*", { timeout: 90_000 });
  await expectHeading(page, "We could not finish your check-in");
  await expectFocusOnHeading(page);
  await page.getByRole("link", { name: "+44 1632 960000" }).waitFor();
  await page.getByText(/Your booking reference is \u2066?FD1007\u2069?\./).waitFor();
  await page.getByText(/move on by itself/).waitFor();
  await screenshot(page, "guest-error-pin-failed");

  // The desk types a keypad code for the guest (as the desk's "set PIN" does): the page moves on by itself.
  const sessionId = sessionIdOf(page);
  const res = await fetch(`${stack.url}/parties/checkin/${sessionId}`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_AUTH_HEADER]: stack.vars.INTERNAL_SECRET! },
    body: JSON.stringify({ type: "manual-pin", pin: "246810" }),
  });
  expect(res.status).toBe(200);
  await page.waitForURL(/\/stay#/);
  expect((await page.getByTestId("pin").textContent())?.trim()).toBe("246810");
});
