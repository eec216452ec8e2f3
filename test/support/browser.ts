// Real Chromium for the browser tests: Debian's /usr/bin/chromium driven by
// playwright-core, phone-sized pages, screenshots kept in test-results/ after the
// run, and a screenshot of every open page when a test fails.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

// Quiet, deterministic Chromium: no GPU, no QUIC, nothing phoning home mid-test.
// `launch()` already gives each browser a fresh temporary --user-data-dir (playwright
// refuses the flag in `args`), so no profile state leaks between runs.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9_.-]+/g, "-")}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface BrowserSession {
  /** A fresh context (its own cookies and storage: a separate device) with one page. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** What the pages logged as errors, for failure messages. */
  problems(): string[];
}

/**
 * Registers the hooks for one test file: a browser for the file, fresh contexts per
 * test, and on failure a screenshot of each page still open, named after the test.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail") {
      const pages = contexts.flatMap((c) => c.pages());
      for (const [i, page] of pages.entries()) {
        const path = await screenshot(page, `FAILED ${ctx.task.name} ${i + 1}`).catch(() => null);
        if (path) console.error(`failure screenshot: ${path} (${page.url()})`);
      }
      if (problems.length) console.error(`browser console errors:\n  ${problems.join("\n  ")}`);
    }
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    contexts = [];
    problems = [];
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async newPage(options = {}) {
      if (!browser) throw new Error("useBrowser(): the browser is not running (called outside a test?)");
      const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 1, ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
      return page;
    },
    problems: () => problems,
  };
}
