// The integrators' API's pure parts: keys, webhook signatures, retry schedule, the URL rule,
// the checked-in rule, and the OpenAPI document (its structure, and every route in it).
import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, bearerKey, lastUsedIsStale, makeApiKey, shownPrefix } from "../../domain/api-key";
import { stayMoved } from "../../domain/booking";
import { nextWebhookAttempt, WEBHOOK_MAX_WAIT_MS, WEBHOOK_RETRY_WINDOW_MS } from "../../domain/webhook-retry";
import { signatureHeader, verifySignature } from "../../domain/webhook-signature";
import { webhookUrlProblem } from "../../domain/webhook-url";
import { isBearerApiCall } from "../../party/http/v1/bearer";
import { v1Routes } from "../../party/http/v1";
import { openApiDocument } from "../../party/http/v1/openapi";

describe("API keys", () => {
  it("makes a recognisable 256-bit key and reads it back only from a well-formed Bearer header", () => {
    const key = makeApiKey(new Uint8Array(32).fill(7));
    expect(key).toMatch(API_KEY_PATTERN);
    expect(shownPrefix(key)).toBe(key.slice(0, 14));
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer  ${key}`)).toBe(key);
    expect(bearerKey(key)).toBeNull();
    expect(bearerKey(`Basic ${key}`)).toBeNull();
    expect(bearerKey(`Bearer ${key}x`)).toBeNull();
    expect(bearerKey(null)).toBeNull();
    expect(() => makeApiKey(new Uint8Array(16))).toThrow();
  });

  it("writes last-used at most once a minute", () => {
    expect(lastUsedIsStale(null, 1000)).toBe(true);
    expect(lastUsedIsStale(0, 59_999)).toBe(false);
    expect(lastUsedIsStale(0, 60_000)).toBe(true);
  });
});

describe("webhook signatures", () => {
  it("signs t.body with HMAC-SHA256 and verifies within the tolerance only", async () => {
    const now = 1_800_000_000_000;
    const header = await signatureHeader("whsec_test", '{"a":1}', now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(await verifySignature("whsec_test", '{"a":1}', header, now)).toBe(true);
    expect(await verifySignature("whsec_test", '{"a":2}', header, now)).toBe(false);
    expect(await verifySignature("whsec_other", '{"a":1}', header, now)).toBe(false);
    expect(await verifySignature("whsec_test", '{"a":1}', header, now + 301_000)).toBe(false);
  });

  it("matches an HMAC computed independently with node:crypto", async () => {
    const { createHmac } = await import("node:crypto");
    const header = await signatureHeader("s3cret", "body", 5_000);
    expect(header).toBe(`t=5,v1=${createHmac("sha256", "s3cret").update("5.body").digest("hex")}`);
  });
});

describe("webhook retries", () => {
  it("doubles the wait, caps it at an hour and gives up 24 hours after the event", () => {
    expect(nextWebhookAttempt(0, 1, 0, 30_000)).toBe(30_000);
    expect(nextWebhookAttempt(0, 2, 0, 30_000)).toBe(60_000);
    expect(nextWebhookAttempt(0, 12, 0, 30_000)).toBe(WEBHOOK_MAX_WAIT_MS);
    expect(nextWebhookAttempt(0, 20, WEBHOOK_RETRY_WINDOW_MS - 1000, 30_000)).toBeNull();
  });
});

describe("webhook URLs", () => {
  it("takes public HTTPS URLs and refuses HTTP, private, loopback and internal ones", () => {
    expect(webhookUrlProblem("https://pms.example.com/hooks", false)).toBeNull();
    for (const bad of [
      "http://pms.example.com/hooks",
      "https://127.0.0.1/x",
      "https://10.1.2.3/x",
      "https://192.168.0.10/x",
      "https://172.20.0.1/x",
      "https://169.254.169.254/latest",
      "https://[::1]/x",
      "https://[fd00::1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://localhost/x",
      "https://db.internal/x",
      "https://intranet/x",
      "https://user:pw@pms.example.com/",
      "not a url",
    ]) {
      expect(webhookUrlProblem(bad, false), bad).not.toBeNull();
    }
    expect(webhookUrlProblem("http://127.0.0.1:9999/x", true)).toBeNull();
    expect(webhookUrlProblem("ftp://127.0.0.1/x", true)).not.toBeNull();
  });
});

describe("the checked-in rule", () => {
  it("refuses moving or cancelling a checked-in stay and allows other edits", () => {
    const s = {
      roomId: "r1",
      checkInDate: "2027-01-01",
      checkOutDate: "2027-01-03",
      earlyCheckInTime: null,
      lateCheckoutTime: null,
    };
    expect(stayMoved(s, { ...s })).toBe(false);
    expect(stayMoved(s, { ...s, roomId: "r2" })).toBe(true);
  });
});

describe("the same-origin exemption", () => {
  const req = (headers: Record<string, string>) => new Request("https://x.test/api/v1/rooms", { headers });
  it("covers only /api/v1 calls with a Bearer key and no cookie", () => {
    expect(isBearerApiCall(req({ authorization: "Bearer k" }), "/api/v1/rooms")).toBe(true);
    expect(isBearerApiCall(req({ authorization: "Bearer k", cookie: "fd_staff=x" }), "/api/v1/rooms")).toBe(false);
    expect(isBearerApiCall(req({}), "/api/v1/rooms")).toBe(false);
    expect(isBearerApiCall(req({ authorization: "Bearer k" }), "/api/desk/bookings")).toBe(false);
  });
});

describe("the OpenAPI document", () => {
  const doc = openApiDocument("https://frontdoor.example") as unknown as {
    openapi: string;
    info: { title: string; version: string };
    servers: { url: string }[];
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: unknown }> }>>;
    components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
  };

  it("is OpenAPI 3.1 with the required fields and resolvable references", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title && doc.info.version).toBeTruthy();
    expect(doc.servers[0]!.url).toBe("https://frontdoor.example/api/v1");
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) {
      expect(doc.components.schemas[name!], name).toBeDefined();
    }
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(Object.keys(op.responses).every((code) => /^[1-5]\d\d$/.test(code))).toBe(true);
      }
    }
    // Generated from the request schema: the fields and rules the PUT route validates with.
    const input = doc.components.schemas.ReservationInput!;
    expect(input.required).toEqual(["roomId", "checkInDate", "checkOutDate"]);
    expect(input.additionalProperties).toBe(false);
  });

  it("lists every route the API serves", () => {
    const served = v1Routes.routes
      .filter((r) => r.method !== "ALL" && r.path !== "/openapi.json")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(served.length).toBeGreaterThanOrEqual(5);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(new Set(served)).toEqual(new Set(documented));
  });
});
