import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startStack } from "../scripts/stack";
const dataDir = mkdtempSync(join(tmpdir(), "frontdoor-lhdiag-"));
const stack = await startStack({ dataDir, clientDir: join(dataDir, "client"), buildClient: true, log: () => {} });
try {
  const url = `${stack.url}/checkin/`;
  await fetch(url).then((r) => r.text());
  for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) {
    const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    const r = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    await chrome.kill();
    writeFileSync(`/tmp/lhdiag/run${i}.json`, JSON.stringify(r!.lhr));
    console.log("done", i, r!.lhr.audits["largest-contentful-paint"]!.numericValue, r!.lhr.environment.benchmarkIndex);
  }
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
