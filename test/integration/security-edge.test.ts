// The edge of the app as an attacker sees it: which client address counts for rate
// limits, what a cross-site page or a text/plain body can do, which headers pages
// carry, which parties accept sockets, and that a refused body does not break the
// client's next request on the same connection.
import { createHash } from "node:crypto";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_SHELL_ASSET } from "../../shared/page-shell";
import { startTestStack, type TestStack } from "../support/stack";
import { connectRaw, ConnectError, toWsUrl } from "../support/ws-client";
import { openBoardSocket, PROPERTY, signIn } from "./desk-helpers";

/** The header this stack's "proxy" sets; cf-connecting-ip is then just something a client typed. */
const PROXY_HEADER = "x-test-proxy-ip";
const LIMIT = 5;
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ CLIENT_IP_HEADER: PROXY_HEADER, LOOKUP_LIMIT_PER_MINUTE: String(LIMIT) });
});

afterAll(async () => {
  await stack?.stop();
});

function post(path: string, body: string, headers: Record<string, string>) {
  return fetch(`${stack.url}${path}`, { method: "POST", headers, body });
}

async function lookupStatuses(headersFor: (i: number) => Record<string, string>, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const res = await post("/api/lookup", JSON.stringify({ bookingRef: "NOPE01", proof: "Nobody" }), {
      "content-type": "application/json",
      ...headersFor(i),
    });
    await res.body?.cancel();
    statuses.push(res.status);
  }
  return statuses;
}

async function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<number | undefined> {
  const err = await connectRaw(url, headers).then(
    (c) => {
      void c.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err, `${url} accepted a socket`).toBeInstanceOf(ConnectError);
  return (err as ConnectError).status;
}

describe("client address (issue 10, item 4)", () => {
  it("ignores a client-chosen cf-connecting-ip: rotating it does not escape the per-address limit", async () => {
    const statuses = await lookupStatuses((i) => ({ "cf-connecting-ip": `203.0.113.${i + 1}` }), LIMIT + 3);
    expect(statuses.slice(0, LIMIT).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
  });

  it("believes the configured proxy header only when it parses as an IP", async () => {
    // Distinct real addresses get their own buckets.
    const distinct = await lookupStatuses((i) => ({ [PROXY_HEADER]: `2001:db8::${i + 1}` }), LIMIT + 2);
    expect(distinct.every((s) => s === 404)).toBe(true);
    // One address, spelled two ways, is one bucket.
    const spelled = await lookupStatuses(
      (i) => ({ [PROXY_HEADER]: i % 2 ? "2001:db8:0:0:0:0:0:ff" : "2001:DB8::FF" }),
      LIMIT + 1,
    );
    expect(spelled.at(-1)).toBe(429);
    // Garbage (8 KB of it, or a name) falls back to the connection, which is already over its limit.
    const garbage = await lookupStatuses((i) => ({ [PROXY_HEADER]: i ? `client-${i}` : "x".repeat(8192) }), 2);
    expect(garbage).toEqual([429, 429]);
  });

  it("never lets an outsider reach (or name) a limiter room", async () => {
    for (const id of ["lookup:ip:direct", "x".repeat(4000)]) {
      const res = await post(
        `/parties/limiter/${id}`,
        JSON.stringify({ buckets: [{ name: "", limit: 1_000_000, windowMs: 1000 }] }),
        {
          "content-type": "application/json",
        },
      );
      expect(res.status).toBe(404);
      await res.body?.cancel();
    }
  });
});

describe("content type and origin (issue 10, item 7)", () => {
  const ip = { [PROXY_HEADER]: "192.0.2.77" };

  it("answers 415 to a body that is not declared as JSON, on guest and desk routes", async () => {
    const cookie = await signIn(stack.url);
    for (const [path, body, extra] of [
      ["/api/lookup", JSON.stringify({ bookingRef: "FD1001" }), {}],
      ["/api/desk/login", JSON.stringify({ email: "a@b.test", password: "x" }), {}],
      ["/api/desk/logout", "", { cookie }],
      ["/api/desk/sessions/abc/manual-pin", JSON.stringify({ pin: "123456" }), { cookie }],
    ] as const) {
      const res = await post(path, body, { "content-type": "text/plain;charset=UTF-8", ...ip, ...extra });
      expect(res.status, path).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unsupported_media_type");
    }
    // The cross-site text/plain sign-out did nothing: the session still works.
    const me = await fetch(`${stack.url}/api/desk/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });

  it("refuses state-changing requests from another site, by Origin or Sec-Fetch-Site", async () => {
    const cookie = await signIn(stack.url);
    const json = { "content-type": "application/json", cookie, ...ip };
    const evil = await post("/api/desk/logout", "", { ...json, "content-type": "", origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    const crossSite = await post("/api/lookup", JSON.stringify({ bookingRef: "FD1001" }), {
      ...json,
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    await crossSite.body?.cancel();
    const own = await post("/api/lookup", JSON.stringify({ bookingRef: "NOPE02", proof: "Nobody" }), {
      ...json,
      origin: stack.url,
      "sec-fetch-site": "same-origin",
    });
    expect(own.status).toBe(404);
    await own.body?.cancel();
    expect((await fetch(`${stack.url}/api/desk/me`, { headers: { cookie } })).status).toBe(200);
  });

  it("refuses board and check-in sockets opened from another site", async () => {
    const cookie = await signIn(stack.url);
    const boardUrl = toWsUrl(stack.url, `/parties/frontdesk/${PROPERTY}`);
    expect(await refusedUpgrade(boardUrl, { cookie, origin: "https://evil.example" })).toBe(403);
    const board = await openBoardSocket(stack.url, PROPERTY, cookie);
    await board.close();
    const own = await connectRaw(boardUrl, { cookie, origin: stack.url });
    await own.close();

    const started = await post("/api/lookup", JSON.stringify({ bookingRef: "FD1001", proof: "Hopper" }), {
      "content-type": "application/json",
      [PROXY_HEADER]: "192.0.2.78",
    });
    expect(started.status).toBe(201);
    const { sessionId } = (await started.json()) as { sessionId: string };
    const checkinUrl = toWsUrl(stack.url, `/parties/checkin/${sessionId}`);
    expect(await refusedUpgrade(checkinUrl, { origin: "https://evil.example" })).toBe(403);
    const guest = await connectRaw(checkinUrl, { origin: stack.url });
    await guest.close();
  });
});

describe("page headers (issue 10, item 7)", () => {
  const pages = [
    "/",
    "/checkin/",
    "/checkin/details/?session=abc",
    "/stay/abc",
    "/desk/",
    "/desk/login",
    "/desk/analytics",
    "/nowhere",
  ];

  it.each(pages)("%s is the app shell with a strict policy and no framing", async (path) => {
    const res = await fetch(`${stack.url}${path}`, { headers: { "sec-fetch-mode": "navigate", accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy") ?? "";
    // Every script is a file, except /checkin/'s one loader (issue 14), which the policy names by its hash.
    const inline = [...html.matchAll(/<script\b[^>]*>([^<]+)<\/script>/g)].map((m) => m[1]!);
    if (path === "/checkin/") {
      expect(inline).toHaveLength(1);
      expect(csp).toContain(`'sha256-${createHash("sha256").update(inline[0]!, "utf8").digest("base64")}'`);
    } else {
      expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
      expect(inline).toEqual([]);
    }
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves the shell's scripts and styles, and the API with the same headers", async () => {
    const html = await (await fetch(`${stack.url}/checkin/`)).text();
    for (const asset of html.match(/\/assets\/[^"]+\.(js|css)/g) ?? []) {
      const res = await fetch(`${stack.url}${asset}`);
      expect(res.status, asset).toBe(200);
      await res.body?.cancel();
    }
    const health = await fetch(`${stack.url}/healthz`);
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    // Fetched directly, the stored shell is JSON, never a page without the headers.
    const shell = await fetch(`${stack.url}/${PAGE_SHELL_ASSET}`);
    expect(shell.headers.get("content-type")).toMatch(/json/);
    await shell.body?.cancel();
    const missing = await fetch(`${stack.url}/assets/missing.js`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });
});

describe("smaller holes (issue 10, item 8)", () => {
  it("parties that never use sockets refuse the upgrade", async () => {
    expect(await refusedUpgrade(toWsUrl(stack.url, "/parties/limiter/lookup:ip:direct"))).toBe(404);
    expect(await refusedUpgrade(toWsUrl(stack.url, "/party/anything"))).toBe(404);
  });

  it("a request refused before its body is read leaves the connection usable for the next one", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(stack.url);
    const send = (path: string, method: string, body: string | null, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, path, method, agent, headers }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on("error", reject);
        req.end(body ?? undefined);
      });
    try {
      const big = JSON.stringify({ filler: "x".repeat(12_000) });
      const json = { "content-type": "application/json", "content-length": String(Buffer.byteLength(big)) };
      // Refused by the staff check before any handler reads the body.
      const refused = await send("/api/desk/staff", "POST", big, json);
      expect(refused.status).toBe(401);
      for (let i = 0; i < 3; i++) {
        const next = await send("/healthz", "GET", null);
        expect(next.status).toBe(200);
        expect(next.reused).toBe(true);
        const again = await send("/api/desk/staff", "POST", big, json);
        expect(again.status).toBe(401);
      }
    } finally {
      agent.destroy();
    }
  });
});
