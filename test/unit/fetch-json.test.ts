import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod/mini";
import { fetchJson } from "../../client/fetch-json";

const answer = z.object({ ok: z.literal(true) });

function respondWith(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(
    async () =>
      new Response(body === undefined ? "" : JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json", ...headers },
      }),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson", () => {
  it("returns an answer in the schema's shape, POSTing a JSON body", async () => {
    const fetchMock = respondWith(200, { ok: true });
    expect(await fetchJson("/api/x", answer, { body: { a: 1 } })).toEqual({ ok: true, value: { ok: true } });
    expect(fetchMock).toHaveBeenCalledWith("/api/x", expect.objectContaining({ method: "POST", body: '{"a":1}' }));
  });

  it("treats a listed status with a body in the schema's shape as an answer", async () => {
    respondWith(404, { ok: true });
    expect(await fetchJson("/api/x", answer, { answerStatuses: [404] })).toEqual({ ok: true, value: { ok: true } });
  });

  it("reports a 2xx answer it cannot read as an unexpected answer", async () => {
    respondWith(200, { something: "else" });
    const result = await fetchJson("/api/x", answer);
    expect(result).toMatchObject({ ok: false, failure: { kind: "status", status: 200, code: "unexpected" } });
  });

  it("takes the wait after a 429 from the body, else from Retry-After, else a minute", async () => {
    const limited = (retryAfterSeconds?: number) => ({
      error: { code: "rate_limited", message: "slow", retryAfterSeconds },
    });
    const waitOf = (seconds: number) => ({ ok: false, failure: { kind: "rate-limited", retryAfterSeconds: seconds } });
    respondWith(429, limited(7), { "retry-after": "30" });
    expect(await fetchJson("/api/x", answer)).toEqual(waitOf(7));
    respondWith(429, limited(), { "retry-after": "30" });
    expect(await fetchJson("/api/x", answer)).toEqual(waitOf(30));
    respondWith(429, undefined);
    expect(await fetchJson("/api/x", answer)).toEqual(waitOf(60));
  });

  it("calls the 401 hook when the session is gone, and only then", async () => {
    const onUnauthorized = vi.fn();
    respondWith(401, { error: { code: "unauthorized", message: "Sign in" } });
    const gone = await fetchJson("/api/x", answer, { onUnauthorized });
    expect(gone).toEqual({ ok: false, failure: { kind: "unauthorized" } });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    respondWith(403, { error: { code: "forbidden", message: "Managers only" } });
    const refused = await fetchJson("/api/x", answer, { onUnauthorized });
    const status = { kind: "status", status: 403, code: "forbidden", message: "Managers only" };
    expect(refused).toEqual({ ok: false, failure: status });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("reports a network failure as such", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    expect(await fetchJson("/api/x", answer)).toEqual({ ok: false, failure: { kind: "network" } });
  });
});
