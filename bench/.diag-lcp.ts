import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startStack } from "../scripts/stack";
const dataDir = mkdtempSync(join(tmpdir(), "frontdoor-lcpdiag-"));
const stack = await startStack({ dataDir, clientDir: join(dataDir, "client"), buildClient: true, log: () => {} });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const block of [false, true, false]) {
    const page = await (await browser.newContext({ viewport: { width: 412, height: 823 } })).newPage();
    if (block) await page.route(/\.js$/, (r) => r.abort());
    await page.addInitScript(() => {
      (window as any).__lcp = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as any[])
          (window as any).__lcp.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? e.element.tagName + "#" + e.element.id + "." + e.element.className + " " + (e.element.textContent ?? "").slice(0, 30) + " connected=" + e.element.isConnected : null });
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(`${stack.url}/checkin/`);
    await page.waitForTimeout(1500);
    console.log(block ? "no js" : "js", JSON.stringify(await page.evaluate(() => (window as any).__lcp), null, 0));
    console.log(JSON.stringify(await page.evaluate(() => performance.getEntriesByType("paint").map((e) => [e.name, Math.round(e.startTime)]))));
  }
} finally {
  await browser.close();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
