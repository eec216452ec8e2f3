// The HTTP calls a guest, a dashboard and the bench's own checks make. Responses are
// checked against the shared protocol where it matters, so a server that answers
// 200 with the wrong body is an error, not a fast sample.
import { request as httpRequest } from "node:http";
import { lookupResponse, stayResponse, type LookupResponse } from "../../shared/protocol/guest-http";
import { backoffMs, sleep } from "./pool";
import { seamSimCodes } from "../../party/seamsim/inspect";

const MOBILE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function expectJson(res: Response, what: string, ok: number[]): Promise<unknown> {
  const text = await res.text();
  if (!ok.includes(res.status)) throw new HttpError(`${what}: HTTP ${res.status} ${text.slice(0, 200)}`, res.status);
  return JSON.parse(text);
}

/**
 * A guest's request, on a connection of its own as a phone would have: a pooled
 * keep-alive connection shared by hundreds of simulated guests would add resets from
 * idle-connection races that no real guest sees. The echo baseline uses it too.
 */
export function deviceFetch(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: init.method ?? "GET", headers: { ...init.headers, connection: "close" }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers))
            for (const one of [v].flat()) if (one !== undefined) headers.append(k, one);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
        });
        res.on("error", reject);
      },
    );
    req.on("error", (err) =>
      reject(
        Object.assign(new Error(`request failed (${(err as NodeJS.ErrnoException).code ?? err.message})`), {
          cause: err,
        }),
      ),
    );
    req.end(init.body);
  });
}

/** Bench bookings are all made under this surname (bench/lib/seed.ts): the lookup's proof. */
export const BENCH_SURNAME = "Guest";

export async function lookup(
  baseUrl: string,
  bookingRef: string,
  ip: string,
  proof = BENCH_SURNAME,
): Promise<LookupResponse> {
  const res = await deviceFetch(`${baseUrl}/api/lookup`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": ip, "user-agent": MOBILE_UA },
    body: JSON.stringify({ bookingRef, proof }),
  });
  return lookupResponse.parse(await expectJson(res, "lookup", [200, 201]));
}

/** The stay page's data; a stay without its door code is an error. The token travels in the body. */
export async function stay(baseUrl: string, token: string): Promise<void> {
  const res = await deviceFetch(`${baseUrl}/api/stay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  const body = stayResponse.parse(await expectJson(res, "stay", [200]));
  if (!body.pin) throw new Error("stay page has no PIN");
}

export interface VendorPin {
  pinId: string;
  label: string;
  createdAt: number;
}

/** What the Seam simulator holds on a lock (all codes, or one label's); counting skips its simulated faults. */
export async function pinsOnLock(
  baseUrl: string,
  seamSimKey: string,
  lockId: string,
  label?: string,
): Promise<VendorPin[]> {
  const codes = await seamSimCodes(baseUrl, seamSimKey, lockId, label);
  return codes.map((c) => ({ pinId: c.access_code_id, label: c.name ?? "", createdAt: Date.parse(c.created_at) }));
}

/** Signs a staff member in and returns the Cookie header value for the desk socket. */
export async function deskLogin(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/desk/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.250" },
    body: JSON.stringify({ email, password }),
  });
  await expectJson(res, "desk login", [200]);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("fd_staff="));
  if (!cookie) throw new Error("desk login set no fd_staff cookie");
  return cookie.split(";")[0]!;
}

/**
 * Retries network failures and 5xx until `deadline` (performance.now()), for the
 * restart scenario where the runtime is briefly gone. 4xx answers are never retried.
 */
export async function retrying<T>(deadline: number, task: () => Promise<T>): Promise<{ value: T; retries: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { value: await task(), retries: attempt };
    } catch (err) {
      const retryable = !(err instanceof HttpError) || err.status >= 500;
      const wait = backoffMs(attempt);
      if (!retryable || performance.now() + wait > deadline) throw err;
      await sleep(wait);
    }
  }
}
