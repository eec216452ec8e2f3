// A guest who walks away: after SESSION_EXPIRY_MINUTES the room expires the session
// and the open page sends them back to the start with a message, live.
import { afterAll, beforeAll, expect, it } from "vitest";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, ownAddress, startCheckin } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  // Three seconds of inactivity ends a session in this stack.
  stack = await startTestStack({ SESSION_EXPIRY_MINUTES: "0.05" });
});

afterAll(async () => {
  await stack?.stop();
});

it("sends an idle guest back to the start with a message when the session expires", async () => {
  const page = await browser.newPage(ownAddress());
  await startCheckin(page, stack.url, "FD1017");
  await expectHeading(page, "Your details");
  await page.getByText("Your check-in timed out").waitFor({ timeout: 60_000 });
  expect(new URL(page.url()).pathname).toBe("/checkin/");
  await expectHeading(page, "Check in online");
  await screenshot(page, "guest-expired");
});
