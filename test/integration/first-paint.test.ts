// /checkin/ arrives with its first screen in the document (issue 14, "The first paint"):
// heading, labelled fields and button prerendered in the browser's language, the CSS
// inline and allowed by its hash (never 'unsafe-inline'), no stylesheet to fetch. Every
// other page gets the plain shell, with the same inline CSS.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../support/stack";

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function page(path: string, language?: string) {
  const res = await fetch(`${stack.url}${path}`, {
    headers: { accept: "text/html", ...(language ? { "accept-language": language } : {}) },
  });
  expect(res.status, path).toBe(200);
  return { res, html: await res.text(), csp: res.headers.get("content-security-policy") ?? "" };
}

/** What #app holds in the document as served. */
const appContent = (html: string) =>
  /<div id="app"[^>]*>([\s\S]*?)<\/div>\s*(?:<script>[^<]*<\/script>\s*)?<\/body>/.exec(html)?.[1] ?? null;

function expectInlineCssAllowedByHash(html: string, csp: string) {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  expect(styles.length).toBeGreaterThan(0);
  const styleSrc = csp.split(";").find((d) => d.trim().startsWith("style-src")) ?? "";
  for (const css of styles) {
    const hash = createHash("sha256").update(css, "utf8").digest("base64");
    expect(styleSrc).toContain(`'sha256-${hash}'`);
  }
  // The guest CSS is in the page: no stylesheet round trip, and the rules the form needs are there.
  expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
  expect(styles.join("")).toMatch(/\.masthead\{/);
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
}

describe("/checkin/ as served", () => {
  it("holds the booking-reference page in English, with its CSS inline and allowed by hash", async () => {
    const { res, html, csp } = await page("/checkin/", "en-GB,en;q=0.9");
    const app = appContent(html);
    expect(app).toMatch(
      /<h1 tabindex="-1"><span class="caption">Step 1 of 4<\/span><span id="page-title">Check in online/,
    );
    expect(app).toContain('<label class="label" for="bookingRef">Booking reference</label>');
    expect(app).toMatch(/<input class="input input--ref\s*" id="bookingRef" name="bookingRef"/);
    expect(app).toContain('<label class="label" for="proof">Surname, or the email or phone you booked with</label>');
    expect(app).toMatch(/<input [^>]*id="proof"/);
    expect(app).toMatch(/<form novalidate method="post">/);
    expect(app).toContain('<button class="button" type="submit">Continue</button>');
    expect(html).toContain('<html lang="en-GB" dir="ltr">');
    expect(html).toContain("<title>Check in online – Online check-in</title>");
    expect(res.headers.get("vary")?.toLowerCase()).toContain("accept-language");
    // No script in the head: one inline script after the content loads them once the page has painted.
    expect(html).not.toMatch(/<script[^>]+src=|rel="modulepreload"/);
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toMatch(/requestAnimationFrame/);
    expect(inline[0]).toMatch(/"\/assets\/index-[^"]+\.js"/);
    expect(html.indexOf("<script>")).toBeGreaterThan(html.indexOf("</main>"));
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).toContain(`'sha256-${createHash("sha256").update(inline[0]!, "utf8").digest("base64")}'`);
    expectInlineCssAllowedByHash(html, csp);
  });

  it("is English without an Accept-Language, and for languages the check-in does not speak", async () => {
    for (const language of [undefined, "sv-SE,fi;q=0.8"]) {
      const { html } = await page("/checkin", language);
      expect(appContent(html)).toContain(">Check in online</span>");
    }
  });

  it("is in the browser's language when the check-in speaks it, right to left for Arabic", async () => {
    const german = await page("/checkin/", "de-AT,de;q=0.9,en;q=0.5");
    expect(german.html).toContain('<html lang="de-DE" dir="ltr">');
    expect(appContent(german.html)).toContain('<label class="label" for="bookingRef">Buchungsnummer</label>');
    const arabic = await page("/checkin/", "ar");
    expect(arabic.html).toMatch(/<html lang="ar[^"]*" dir="rtl">/);
    expect(appContent(arabic.html)).not.toContain("Booking reference");
    expectInlineCssAllowedByHash(arabic.html, arabic.csp);
  });

  it("sends a form posted before the script ran back to the page, answers in no address", async () => {
    const res = await fetch(`${stack.url}/checkin/`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "bookingRef=FD1001&proof=Hopper",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/checkin/");
    expect(await res.text()).not.toContain("Hopper");
  });
});

describe("every other page", () => {
  it.each(["/", "/checkin/details/?s=abc", `/checkin/${"a".repeat(43)}/`, "/stay", "/desk/", "/desk/login"])(
    "%s is the plain shell, with the same inline CSS",
    async (path) => {
      const { html, csp } = await page(path, "de");
      expect(appContent(html)).toBe("");
      // Nothing to paint first: the scripts load from the head, and no inline script is allowed.
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
      expect(html).not.toContain("<script>");
      expect(csp).toContain("script-src 'self'; ");
      expect(html).toContain('<html lang="en">');
      expectInlineCssAllowedByHash(html, csp);
    },
  );
});
