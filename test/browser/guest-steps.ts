// What a guest does on each wizard page, shared by the guest browser tests. Every
// wait is for something the guest would see (a heading, a URL), never a sleep.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { demoSurname } from "../../db/seed";

let ipCounter = 0;

/**
 * Headers that give a browser context its own client address. Locally there is no
 * edge to set cf-connecting-ip, so without this every test would share one
 * rate-limit bucket and the lookups of one test would throttle another.
 */
export function ownAddress(): { extraHTTPHeaders: Record<string, string> } {
  ipCounter += 1;
  return { extraHTTPHeaders: { "cf-connecting-ip": `198.51.100.${ipCounter}` } };
}

export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** The page moved focus to its h1, so keyboard and screen-reader users start at the new content. */
export async function expectFocusOnHeading(page: Page): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
}

export function sessionIdOf(page: Page): string {
  const id = new URL(page.url()).searchParams.get("s");
  expect(id, `no ?s= in ${page.url()}`).toBeTruthy();
  return id!;
}

/** The reference and its proof: by default the surname the demo booking was made under. */
export async function lookUp(page: Page, baseUrl: string, ref: string, proof = demoSurname(ref) ?? "Nobody") {
  await page.goto(`${baseUrl}/checkin/`);
  await expectHeading(page, /Check in online/);
  await page.getByLabel("Booking reference").fill(ref);
  await page.getByLabel("Surname, or the email or phone you booked with").fill(proof);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** From /checkin/ to the details page of a new session; returns the session id. */
export async function startCheckin(page: Page, baseUrl: string, ref: string): Promise<string> {
  await lookUp(page, baseUrl, ref);
  await page.waitForURL("**/checkin/details/?s=*");
  await expectHeading(page, /Your details/);
  return sessionIdOf(page);
}

export interface GuestInput {
  fullName: string;
  phone: string;
  email?: string;
}

export async function submitDetails(page: Page, guest: GuestInput): Promise<void> {
  await page.getByLabel("Full name").fill(guest.fullName);
  await page.getByLabel("Phone number", { exact: true }).fill(guest.phone);
  if (guest.email) await page.getByLabel("Email (optional)").fill(guest.email);
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function submitParking(page: Page, registration: string | null): Promise<void> {
  if (registration) {
    await page.getByLabel("Yes").check();
    await page.getByLabel("Car registration").fill(registration);
  } else {
    await page.getByLabel("No").check();
  }
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Details and parking filled in; the guest is looking at "Check your answers". */
export async function reachConfirm(page: Page, baseUrl: string, ref: string, guest: GuestInput): Promise<string> {
  const sessionId = await startCheckin(page, baseUrl, ref);
  await submitDetails(page, guest);
  await page.waitForURL("**/checkin/parking/?s=*");
  await expectHeading(page, /Do you have a car\?/);
  await submitParking(page, null);
  await page.waitForURL("**/checkin/confirm/?s=*");
  await expectHeading(page, /Check your answers/);
  return sessionId;
}

/** Nothing sticks out sideways: the page is readable without horizontal scrolling. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

/** The top edge of an element, to prove a message or field appeared without moving it. */
export async function topOf(element: Locator): Promise<number> {
  const box = await element.boundingBox();
  expect(box, `${String(element)} is not on the page`).not.toBeNull();
  return box!.y;
}
