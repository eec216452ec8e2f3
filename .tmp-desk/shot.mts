import { chromium } from "playwright-core";
import { sql } from "drizzle-orm";
import { openDatabase } from "/work/main/db/client";
const U = "http://127.0.0.1:40673";
const db = openDatabase("http://127.0.0.1:34811");
const now = Date.now();
if (false) await db.run(sql`with recursive n(i) as (select 0 union all select i+1 from n where i < 1999),
 g as (select i, (i * 2654435761) % 4294967296 as h from n)
 insert or ignore into checkin_analytics select printf('shot-%06d', i), 'FD9999', 'prop-harbour',
 case when h % 100 < 15 then 1 when h % 100 < 27 then 2 when h % 100 < 35 then 3 else 4 end, h % 100 >= 40,
 case (h/100)%10 when 0 then 'tablet' when 1 then 'desktop' when 2 then 'desktop' else 'mobile' end,
 ${now} - (h % 2592000000), case when h % 100 >= 40 then ${now} - (h % 2592000000) + 60000 + (h/7) % 400000 end from g`);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(U + "/desk/");
await page.waitForURL("**/desk/login");
await page.getByLabel("Email").fill("admin@frontdoor.test");
await page.getByLabel("Password").fill("frontdoor-admin");
await page.getByRole("button", { name: "Sign in" }).click();
await page.getByRole("heading", { name: "Live board" }).waitFor();
await page.getByText("Live", { exact: true }).waitFor();
await page.getByTestId("arrivals").waitFor();
await page.screenshot({ path: "/tmp/deskexp/board.png", fullPage: true });
await page.getByRole("link", { name: "Analytics" }).click();
await page.getByTestId("funnel-chart").waitFor();
await page.screenshot({ path: "/tmp/deskexp/analytics.png", fullPage: true });
await browser.close();
process.exit(0);
