// Every lock call fails and the retries run out: the guest lands on the error page,
// which says what happened in plain words, gives the front desk's number and the
// booking reference, and keeps listening in case the desk fixes it.
import { afterAll, beforeAll, it } from "vitest";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectFocusOnHeading, expectHeading, ownAddress, startCheckin, submitDetails } from "./guest-steps";

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
  await startCheckin(page, stack.url, "FD1007");
  // PINs are made from the moment the details are in; the failure may arrive on any later step.
  await submitDetails(page, { fullName: "Dorothy Vaughan", phone: "07700 900654" });

  await page.waitForURL("**/checkin/error/?s=*", { timeout: 90_000 });
  await expectHeading(page, "We could not finish your check-in");
  await expectFocusOnHeading(page);
  await page.getByRole("link", { name: "+44 1632 960000" }).waitFor();
  await page.getByText("Your booking reference is FD1007.").waitFor();
  await page.getByText(/move on by itself/).waitFor();
  await screenshot(page, "guest-error-pin-failed");
});
