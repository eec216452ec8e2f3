// /checkin/ in real Chromium with its script held back (issue 14, "The first paint"):
// the prerendered heading, fields and button are on screen and axe-clean before any
// script runs, nothing fetches a stylesheet, and when the script arrives the live page
// takes over without moving anything (no layout-shift entry), keeping what the guest
// typed and where the cursor was, so the lookup goes through.
import type { Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectNoAxeViolations } from "../support/axe";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const FIRST_SCREEN = ["h1", "#bookingRef", "#proof", "button[type=submit]", ".masthead"] as const;

/** Holds every script of the page until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/.+\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

async function boxes(page: Page) {
  const out: Record<string, unknown> = {};
  for (const selector of FIRST_SCREEN) out[selector] = await page.locator(selector).first().boundingBox();
  return out;
}

/** Every layout shift the page recorded since it started loading (layout-shift entries reach observers only). */
const layoutShifts = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const values: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) values.push((e as unknown as { value: number }).value);
        });
        observer.observe({ type: "layout-shift", buffered: true });
        // Buffered entries arrive in the observer's next callback.
        setTimeout(() => {
          for (const e of observer.takeRecords()) values.push((e as unknown as { value: number }).value);
          observer.disconnect();
          resolve(values);
        }, 250);
      }),
  );

/** The live page has replaced the prerendered markup. */
const takenOver = (page: Page) =>
  page.waitForFunction(() => {
    const app = document.getElementById("app");
    return !!app && !app.hasAttribute("data-prerendered") && app.childElementCount > 0;
  });

it("paints the form before any script, then the live page takes over in place with what was typed", async () => {
  const page = await browser.newPage(ownAddress());
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const release = await holdScripts(page);
  await page.goto(`${stack.url}/checkin/`, { waitUntil: "commit" });
  await expectHeading(page, /Check in online/);
  await page.getByLabel("Booking reference").waitFor();
  await page.getByRole("button", { name: "Continue" }).waitFor();
  expect(await page.locator("#app").getAttribute("data-prerendered")).toBe("en");
  expect(requested.filter((p) => p.endsWith(".css"))).toEqual([]);
  await expectNoAxeViolations(page, "prerendered /checkin/");
  await screenshot(page, "first-paint-prerendered");
  const before = await boxes(page);

  // The guest starts typing before the script has arrived.
  await page.getByLabel("Booking reference").click();
  await page.keyboard.type("FD1001");
  await page.getByLabel("Surname, or the email or phone you booked with").click();
  await page.keyboard.type("Hop");

  release();
  await takenOver(page);
  expect(await boxes(page)).toEqual(before);
  expect(await layoutShifts(page)).toEqual([]);
  expect(await page.getByLabel("Booking reference").inputValue()).toBe("FD1001");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("proof");
  // The cursor stayed at the end of what was typed: the rest of the surname follows it.
  await page.keyboard.type("per");
  await expectNoAxeViolations(page, "live /checkin/");
  await page.keyboard.press("Enter");
  await page.waitForURL("**/checkin/details/?s=*");
  await expectHeading(page, /Your details/);
});

it("a press of Continue before the script has run is held, and the live page makes it", async () => {
  const page = await browser.newPage(ownAddress());
  const release = await holdScripts(page);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/checkin/") posts.push(r.url());
  });
  await page.goto(`${stack.url}/checkin/`, { waitUntil: "commit" });
  await page.getByLabel("Booking reference").fill("FD1002");
  await page.getByLabel("Surname, or the email or phone you booked with").fill("Turing");
  await page.getByRole("button", { name: "Continue" }).click();
  expect(await page.locator("#app").getAttribute("data-submit-pending")).toBe("");
  release();
  await page.waitForURL("**/checkin/details/?s=*");
  await expectHeading(page, /Your details/);
  expect(posts).toEqual([]);
});

it("is in the browser's language from the first paint, and the live page keeps it without a shift, 320 px", async () => {
  const page = await browser.newPage({ ...ownAddress(), locale: "de-DE", viewport: { width: 320, height: 640 } });
  const release = await holdScripts(page);
  await page.goto(`${stack.url}/checkin/`, { waitUntil: "commit" });
  await expectHeading(page, /Online einchecken/);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("de-DE");
  await expectNoHorizontalScroll(page);
  const before = await boxes(page);
  release();
  await takenOver(page);
  expect(await boxes(page)).toEqual(before);
  expect(await layoutShifts(page)).toEqual([]);
  await expectHeading(page, /Online einchecken/);
  // As before the prerendering: the live page puts the keyboard at its heading.
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  await expectNoAxeViolations(page, "live /checkin/ in German at 320 px");
  // The measure itself works: a banner pushed in above the form is a shift it sees.
  await page.evaluate(() => {
    const banner = document.createElement("p");
    banner.style.height = "100px";
    const main = document.getElementById("main")!;
    main.insertBefore(banner, main.firstChild);
  });
  expect((await layoutShifts(page)).length).toBeGreaterThan(0);
});

it("with scripts off, a submitted form comes back to the page with the answers in no address", async () => {
  const page = await browser.newPage({ ...ownAddress(), javaScriptEnabled: false });
  await page.goto(`${stack.url}/checkin/`);
  await expectHeading(page, /Check in online/);
  await page.getByLabel("Booking reference").fill("FD1001");
  await page.getByLabel("Surname, or the email or phone you booked with").fill("Hopper");
  const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/checkin/");
  await page.getByRole("button", { name: "Continue" }).click();
  await posted;
  await page.waitForLoadState("load");
  expect(new URL(page.url()).pathname).toBe("/checkin/");
  expect(page.url()).not.toContain("Hopper");
  await expectHeading(page, /Check in online/);
  expect(await page.getByLabel("Booking reference").inputValue()).toBe("");
});

it("the other pages still load: a check-in link, the stay page and the desk", async () => {
  const page = await browser.newPage(ownAddress());
  await page.goto(`${stack.url}/desk/`);
  await page.getByRole("heading", { level: 1, name: /sign in/i }).waitFor();
  await page.goto(`${stack.url}/stay`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  expect(await page.locator("#app h1").textContent()).not.toContain("Check in online");
  await page.goto(`${stack.url}/checkin/${"A".repeat(43)}/`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  expect(await page.locator("#app").getAttribute("data-prerendered")).toBeNull();
});
