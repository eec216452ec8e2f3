// The Outbox in real Chromium: a booking's invitation appears with its check-in link; the
// link opens the wizard with the booking found; after the guest checks in, the door-code
// message appears. An invitation the simulator bounces (Resend's bounced@resend.dev) shows
// as bounced with its reason. The manager's Messages settings are on the same page. axe
// finds no WCAG 2.2 A/AA violation, the page reads at 320 px, and a screenshot feeds the README.
import { copyFileSync, mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addDays, todayIn } from "../../db/seed";
import { message, reservation } from "../../db/schema";
import { internalHeaders } from "../../party/internal-auth";
import { DEFAULT_ADMIN } from "../../scripts/config";
import { PROPERTY } from "../integration/desk-helpers";
import { expectNoAxeViolations } from "../support/axe";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress, submitDetails, submitParking } from "./guest-steps";

const DOCS = new URL("../../docs/", import.meta.url);
const INTERNAL = "outbox-browser-internal-secret-0123456789";
const REF = "OUTBX1";
const BOUNCED_REF = "OUTBX2";

let stack: TestStack;
const browser = useBrowser();
const today = todayIn("Europe/London");

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5" }, { internalSecret: INTERNAL });
  await stack.db.insert(reservation).values({
    id: "res-outbox",
    bookingRef: REF,
    propertyId: PROPERTY,
    roomId: "room-101",
    status: "confirmed",
    checkInDate: today,
    checkOutDate: addDays(today, 2),
    expectedGuestName: "Katherine Johnson",
    expectedGuestEmail: "katherine@example.com",
    createdAt: Date.now(),
  });
  await stack.db.insert(reservation).values({
    id: "res-outbox-bounce",
    bookingRef: BOUNCED_REF,
    propertyId: PROPERTY,
    roomId: "room-102",
    status: "confirmed",
    checkInDate: today,
    checkOutDate: addDays(today, 1),
    expectedGuestName: "Dorothy Vaughan",
    expectedGuestEmail: "bounced@resend.dev",
    createdAt: Date.now(),
  });
});

afterAll(async () => {
  await stack?.stop();
});

async function pokeMessages() {
  const res = await fetch(`${stack.url}/parties/jobs/${PROPERTY}`, {
    method: "POST",
    headers: internalHeaders(INTERNAL),
    body: JSON.stringify({ propertyId: PROPERTY, job: "messages" }),
  });
  expect(res.status).toBe(200);
}

/**
 * Refreshes the Outbox until the booking's email of that kind is there (with that status, if
 * given). If it never comes, the failure lists the property's message rows as stored, so a
 * message never planned, still waiting or refused can be told apart from a page not showing it.
 */
async function waitForMessage(page: Page, kind: string, ref = REF, status?: string) {
  const withStatus = status ? `[data-status="${status}"]` : "";
  const item = page.locator(`li[data-kind="${kind}"][data-channel="email"][data-booking="${ref}"]${withStatus}`);
  try {
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Refresh" }).click({ timeout: 10_000 });
          await page.waitForTimeout(500);
          return item.count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
  } catch (error) {
    const rows = await stack.db
      .select({
        ref: reservation.bookingRef,
        kind: message.kind,
        channel: message.channel,
        status: message.status,
        detail: message.statusDetail,
        attempts: message.attempts,
      })
      .from(message)
      .leftJoin(reservation, eq(reservation.id, message.reservationId))
      .where(eq(message.propertyId, PROPERTY));
    const wanted = `${kind} email for ${ref}${status ? ` (${status})` : ""}`;
    throw new Error(`The Outbox never showed the ${wanted}; stored messages: ${JSON.stringify(rows)}`, {
      cause: error,
    });
  }
  return item.first();
}

it("shows the invitation, whose link opens the wizard, then the door-code message", async () => {
  await pokeMessages();
  const desk = await browser.newPage({ viewport: { width: 1100, height: 900 }, ...ownAddress() });
  await desk.goto(`${stack.url}/desk/login`);
  await desk.getByLabel("Email").fill(DEFAULT_ADMIN.email);
  await desk.getByLabel("Password").fill(DEFAULT_ADMIN.password);
  await desk.getByRole("button", { name: "Sign in" }).click();
  await expectHeading(desk, "Live board");
  await desk.getByRole("link", { name: "Outbox", exact: true }).click();
  await desk.waitForURL("**/desk/outbox");
  await expectHeading(desk, "Outbox");

  const invitation = await waitForMessage(desk, "invitation");
  expect(await invitation.getByRole("heading").textContent()).toBe(`Invitation by email for ${REF}`);
  expect(await invitation.textContent()).toContain("katherine@example.com");
  await invitation.getByText("Message text").click();
  const text = (await invitation.locator("pre").textContent()) ?? "";
  const link = text.match(/https?:\/\/\S+\/checkin\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, text).toBeTruthy();
  await invitation.locator("iframe").waitFor();

  const bounced = await waitForMessage(desk, "invitation", BOUNCED_REF, "bounced");
  expect(await bounced.textContent()).toContain("Bounced: Mailbox does not exist (bounce)");
  await expectNoAxeViolations(desk, "outbox with an invitation and a bounce");
  await invitation.scrollIntoViewIfNeeded();
  const shot = await screenshot(desk, "outbox");
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(shot, new URL("outbox.png", DOCS));

  // The guest follows the invitation's link: the wizard opens with the booking found.
  const phone = await browser.newPage(ownAddress());
  await phone.goto(link!.replace(/^https?:\/\/[^/]+/, stack.url));
  await phone.waitForURL("**/checkin/details/?s=*");
  await expectHeading(phone, /Your details/);
  await submitDetails(phone, { fullName: "Katherine Johnson", phone: "07700 900777", email: "kj@example.com" });
  await phone.waitForURL("**/checkin/parking/?s=*");
  await submitParking(phone, null);
  await phone.waitForURL("**/checkin/confirm/?s=*");
  await phone.getByRole("button", { name: "Confirm check-in" }).click();
  await phone.waitForURL(/\/stay#/);

  const doorCode = await waitForMessage(desk, "door-code");
  expect(await doorCode.textContent()).toContain("kj@example.com");

  // Managers' Messages settings sit below, keyboard-reachable, with previews.
  await desk.getByRole("heading", { name: "Messages", exact: true }).waitFor();
  await desk.getByLabel("Put the door code itself in messages").check();
  await desk.getByRole("button", { name: "Save message settings" }).click();
  await desk.getByTestId("message-settings-status").getByText("Message settings saved.").waitFor();
  await desk.getByRole("button", { name: "Send a test email to myself" }).click();
  await desk
    .getByTestId("message-settings-status")
    .getByText(/test email is on its way/)
    .waitFor();
  // One pass for the door-code message and the settings panel: the same page, each pass costs seconds under load.
  await expectNoAxeViolations(desk, "outbox with a door code, and the message settings");

  await desk.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(desk);
  await expectNoAxeViolations(desk, "outbox at 320 px");
  // axe three times, a whole check-in and the settings on a busy 2-core machine running other suites beside it.
}, 600_000);
