// The guest wizard in a real Chromium against the real stack (sqld + partykit dev):
// the happy path by keyboard alone, the dead ends, resuming, and two devices.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkinAnalytics, guest } from "../../db/schema";
import { expectNoAxeViolations } from "../support/axe";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import {
  expectFocusOnHeading,
  expectHeading,
  expectNoHorizontalScroll,
  lookUp,
  ownAddress,
  sessionIdOf,
  startCheckin,
  submitDetails,
  submitParking,
  topOf,
} from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function liveGuest(bookingRef: string) {
  const rows = await stack.db
    .select()
    .from(guest)
    .where(and(eq(guest.bookingRef, bookingRef), eq(guest.archived, false)));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("guest check-in", () => {
  it("checks in FD1001 with the keyboard alone and shows the PIN stored for the guest", async () => {
    const page = await browser.newPage(ownAddress());
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.url });
    const keyboard = page.keyboard;

    await page.goto(`${stack.url}/checkin/`);
    await expectHeading(page, /Step 1 of 4\s*Check in online/);
    await expectFocusOnHeading(page);
    await screenshot(page, "guest-01-lookup");
    await keyboard.press("Tab");
    await keyboard.type("fd 1001");
    await keyboard.press("Tab");
    await keyboard.type("Hopper");
    await keyboard.press("Enter");

    await page.waitForURL("**/checkin/details/?s=*");
    const sessionId = sessionIdOf(page);
    await expectHeading(page, /Step 2 of 4\s*Your details/);
    await expectFocusOnHeading(page);
    await screenshot(page, "guest-02-details");

    // Submitting empty: the GOV.UK error summary takes focus and each field says what is wrong.
    await keyboard.press("Tab");
    await keyboard.press("Enter");
    const summary = page.locator(".error-summary");
    await summary.getByText("Enter your full name").waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    expect(await page.getByLabel("Full name").getAttribute("aria-describedby")).toContain("fullName-error");
    expect(await page.getByLabel("Full name").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#fullName-error").textContent()).toContain("Enter your full name");
    expect(await page.locator("#phone-error").textContent()).toContain("Enter your phone number");
    await screenshot(page, "guest-02-details-errors");

    // The summary's first link puts the cursor in the field to fix.
    await keyboard.press("Tab");
    await keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "fullName");
    await keyboard.type("Ada Lovelace");
    await keyboard.press("Tab"); // country, left on the United Kingdom
    expect(await page.locator("#phoneCountry").inputValue()).toBe("GB");
    await keyboard.press("Tab");
    await keyboard.type("07700900123");
    expect(await page.getByLabel("Phone number", { exact: true }).inputValue()).toBe("07700 900123");
    await keyboard.press("Tab");
    await keyboard.type("ada@example.com");
    await keyboard.press("Enter");

    await page.waitForURL("**/checkin/parking/?s=*");
    await expectHeading(page, /Step 3 of 4\s*Do you have a car\?/);
    await expectFocusOnHeading(page);
    await screenshot(page, "guest-03-parking");
    const continueButton = page.getByRole("button", { name: "Continue" });
    const buttonTop = await topOf(continueButton);
    await keyboard.press("Tab");
    await keyboard.press("Space");
    await page.getByLabel("Car registration").waitFor({ state: "visible" });
    // The registration field's space was reserved: revealing it moved nothing.
    expect(await topOf(continueButton)).toBe(buttonTop);
    await screenshot(page, "guest-03-parking-car");
    await keyboard.press("Tab");
    await keyboard.type("ab12 cde");
    await keyboard.press("Enter");

    await page.waitForURL("**/checkin/confirm/?s=*");
    await expectHeading(page, /Step 4 of 4\s*Check your answers/);
    await expectFocusOnHeading(page);
    const answers = page.locator(".summary");
    for (const shown of ["FD1001", "Ada Lovelace", "+44 7700 900123", "ada@example.com", "AB12CDE"]) {
      await answers.getByText(shown).waitFor();
    }
    await screenshot(page, "guest-04-confirm");
    for (let i = 0; i < 12; i++) {
      await keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.textContent === "Confirm check-in")) break;
    }
    await keyboard.press("Enter");

    await page.waitForURL(/\/stay#/);
    await expectHeading(page, "Your stay at Harbour House");
    await expectFocusOnHeading(page);
    const pin = (await page.getByTestId("pin").textContent())?.trim();
    await screenshot(page, "guest-05-stay");

    const row = await liveGuest("FD1001");
    expect(pin).toBe(row.frontDoorPin);
    expect(row).toMatchObject({
      fullName: "Ada Lovelace",
      phoneE164: "+447700900123",
      email: "ada@example.com",
      carRegistration: "AB12CDE",
      checkinSessionId: sessionId,
    });
    // The token is in the fragment, which no request carries.
    expect(page.url()).toBe(`${stack.url}/stay#${row.secureToken}`);
    await page.getByText(/Opens the front door and Room \d+ from .+ to .+\./).waitFor();

    const [analytics] = await stack.db.select().from(checkinAnalytics).where(eq(checkinAnalytics.sessionId, sessionId));
    expect(analytics).toMatchObject({ bookingRef: "FD1001", completed: true, stepReached: 4 });
    expect(analytics!.completedAt).not.toBeNull();

    await page.getByRole("button", { name: "Copy code" }).click();
    await page.getByRole("status").filter({ hasText: "Code copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(pin);
  });

  it("shows the reference typed and what to do next when the booking is not found", async () => {
    const page = await browser.newPage(ownAddress());
    await lookUp(page, stack.url, "fd9999");
    // Inline first, tied to the field, so a mistyped reference is corrected where it was typed.
    // References sit in left-to-right isolates (U+2066 ... U+2069) so they read in order in Arabic too.
    const message = "We could not find booking FD9999 with those details. Check the reference";
    const shown = /We could not find booking \u2066?FD9999\u2069? with those details\. Check the reference/;
    await page.getByRole("alert").filter({ hasText: shown }).waitFor();
    const field = page.getByLabel("Booking reference");
    expect(await field.inputValue()).toBe("fd9999");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is the point, so hidden text must not count
    const described = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(described.join(" ").replace(/[\u2066-\u2069]/g, "")).toContain(message);
    expect(new URL(page.url()).pathname).toBe("/checkin/");
    await screenshot(page, "guest-not-found-inline");
    await page.getByRole("link", { name: "What to do if we cannot find your booking" }).click();
    await page.waitForURL("**/checkin/not-found/?ref=FD9999");
    await expectHeading(page, "We could not find your booking");
    await expectFocusOnHeading(page);
    await page.getByText(/There is no booking with the reference \u2066?FD9999/).waitFor();
    await page.getByText(/call the front desk/).waitFor();
    await screenshot(page, "guest-not-found");
    await page.getByRole("link", { name: "Try again" }).click();
    await page.waitForURL("**/checkin/");
    await expectHeading(page, /Check in online/);
  });

  it("refuses the 11th lookup in a minute with the wait, without moving the form", async () => {
    const page = await browser.newPage(ownAddress());
    await page.goto(`${stack.url}/checkin/`);
    await expectHeading(page, /Check in online/);
    // Guesses at one booking from this client's address, as a script would make them, until refused.
    // The per-client allowance refills a token every 6 s; the per-client-and-booking one does not
    // for minutes, so the guest's own try below is refused however slow this machine is.
    const statuses = await page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 20 && out.at(-1) !== 429; i++) {
        const res = await fetch("/api/lookup", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ bookingRef: "FD1002", proof: `Guess${i}` }),
        });
        out.push(res.status);
      }
      return out;
    });
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.at(-1)).toBe(429);

    const continueButton = page.getByRole("button", { name: "Continue" });
    const buttonTop = await topOf(continueButton);
    await page.getByLabel("Booking reference").fill("FD1002");
    await page.getByLabel("Surname, or the email or phone you booked with").fill("Turing");
    await continueButton.click();
    const alert = page.getByRole("alert").filter({ hasText: /Too many attempts\. Try again in \d+ seconds\./ });
    await alert.waitFor();
    expect(await topOf(continueButton)).toBe(buttonTop);
    expect(new URL(page.url()).pathname).toBe("/checkin/");
    await screenshot(page, "guest-rate-limited");
  });

  it("resumes the session after a refresh and sends out-of-order links to the real step", async () => {
    const page = await browser.newPage(ownAddress());
    const sessionId = await startCheckin(page, stack.url, "FD1003");
    await submitDetails(page, { fullName: "Grace Hopper", phone: "+1 202 555 0143" });
    await page.waitForURL("**/checkin/parking/?s=*");

    await page.reload();
    await expectHeading(page, /Do you have a car\?/);
    expect(sessionIdOf(page)).toBe(sessionId);
    await screenshot(page, "guest-refresh-resumed");

    // The tab remembers its session even without ?s=, and a later step's link is not a shortcut.
    for (const path of ["/checkin/", "/checkin/details/", `/checkin/confirm/?s=${sessionId}`]) {
      await page.goto(`${stack.url}${path}`);
      await page.waitForURL(`**/checkin/parking/?s=${sessionId}`);
      await expectHeading(page, /Do you have a car\?/);
    }

    // Back is a step change the room agrees to; the details come back filled in.
    await page.getByRole("link", { name: "Back" }).click();
    await page.waitForURL("**/checkin/details/?s=*");
    await expectHeading(page, /Your details/);
    expect(await page.getByLabel("Full name").inputValue()).toBe("Grace Hopper");
    expect(await page.locator("#phoneCountry").inputValue()).toBe("US");
  });

  it("keeps a second device on the same session URL in step, live", async () => {
    const first = await browser.newPage(ownAddress());
    await startCheckin(first, stack.url, "FD1004");

    const second = await browser.newPage(ownAddress());
    await second.goto(first.url());
    await expectHeading(second, /Your details/);

    await submitDetails(first, { fullName: "Alan Turing", phone: "07700 900456" });
    // The second device moves by itself when the first one continues.
    await second.waitForURL("**/checkin/parking/?s=*");
    await expectHeading(second, /Do you have a car\?/);
    await screenshot(second, "guest-second-device-parking");

    await submitParking(second, null);
    await first.waitForURL("**/checkin/confirm/?s=*");
    await first.locator(".summary").getByText("Alan Turing").waitFor();
    await first.locator(".summary").getByText("No car").waitFor();
  });

  it("shows a returning guest the way back: this browser's stay link, or the front desk", async () => {
    const page = await browser.newPage(ownAddress());
    await lookUp(page, stack.url, "FD2001", "lovelace");
    await expectHeading(page, "You have already checked in");
    await expectFocusOnHeading(page);
    // A new device has no kept stay link: only the desk's number, tap to call.
    expect(await page.getByRole("link", { name: "Show my door code" }).count()).toBe(0);
    await page.locator('a[href="tel:+441632960000"]').waitFor();
    await expectNoAxeViolations(page, "returning guest");
    await screenshot(page, "guest-returning");

    // The device that checked in kept its stay link: the way back is one tap.
    const row = await liveGuest("FD2001");
    await page.goto(`${stack.url}/stay#${row.secureToken}`);
    await expectHeading(page, "Your stay at Harbour House");
    await expectNoAxeViolations(page, "stay page with its link");
    await lookUp(page, stack.url, "FD2001", "Lovelace");
    await page.getByRole("link", { name: "Show my door code" }).click();
    await page.waitForURL(/\/stay#/);
    await expectHeading(page, "Your stay at Harbour House");
    expect((await page.getByTestId("pin").textContent())?.trim()).toBe(row.frontDoorPin);
    await screenshot(page, "guest-returning-stay");
  });

  it("keeps the stay token out of every request line, old /stay/<token> links included", async () => {
    const row = await liveGuest("FD2001");
    const token = row.secureToken;
    const page = await browser.newPage(ownAddress());
    const requested: string[] = [];
    page.on("request", (r) => {
      // The page load of an old link is the one request that names it: it was typed before this change.
      if (!requested.length && r.url().endsWith(`/stay/${token}`)) return void requested.push("<old link>");
      requested.push(r.url());
    });
    await page.goto(`${stack.url}/stay/${token}`);
    await expectHeading(page, "Your stay at Harbour House");
    expect(new URL(page.url()).pathname).toBe("/stay");
    expect(new URL(page.url()).hash).toBe(`#${token}`);
    await page.reload();
    await expectHeading(page, "Your stay at Harbour House");
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((u) => u.includes(token))).toEqual([]);
  });

  it("fits every page on a 320px-wide screen", async () => {
    const page = await browser.newPage({ ...ownAddress(), viewport: { width: 320, height: 640 } });
    await page.goto(`${stack.url}/checkin/`);
    await expectHeading(page, /Check in online/);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "guest-320-lookup");

    await startCheckin(page, stack.url, "FD1005");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.locator(".error-summary").waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "guest-320-details-errors");

    await submitDetails(page, { fullName: "Katherine Johnson", phone: "07700 900789", email: "katherine@example.com" });
    await page.waitForURL("**/checkin/parking/?s=*");
    await page.getByLabel("Yes").check();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "guest-320-parking");

    await page.getByLabel("Car registration").fill("KJ19 NAS");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL("**/checkin/confirm/?s=*");
    await expectHeading(page, /Check your answers/);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "guest-320-confirm");

    await page.getByRole("button", { name: "Confirm check-in" }).click();
    await page.waitForURL(/\/stay#/);
    await page.getByTestId("pin").waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "guest-320-stay");
  });
});
