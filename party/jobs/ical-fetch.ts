// Fetching one calendar export with every bound a feed typed by a person needs: a time
// limit over the whole exchange (a server that sends headers and then trickles forever
// is still cut off), a size cap counted while reading (50 MB of garbage is dropped after
// the cap, never buffered), redirects followed by hand so each hop is checked like the
// first address, and a content check before anything is parsed.
import { checkFeedUrl, type FeedUrlPolicy } from "../../domain/ical-url";

export interface FeedLimits extends FeedUrlPolicy {
  timeoutMs: number;
  maxBytes: number;
}

export type FeedFetch = { ok: true; text: string } | { ok: false; error: string };

const MAX_REDIRECTS = 3;

export async function fetchFeed(url: string, limits: FeedLimits): Promise<FeedFetch> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    return await fetchWithin(url, limits, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, error: `timed out after ${seconds(limits.timeoutMs)}` };
    // The runtime's message can quote the address, whose query string is the platform's secret.
    return { ok: false, error: `could not connect (${error instanceof Error ? error.name : "network error"})` };
  } finally {
    clearTimeout(timer);
  }
}

async function fetchWithin(first: string, limits: FeedLimits, signal: AbortSignal): Promise<FeedFetch> {
  let url = first;
  for (let hop = 0; ; hop++) {
    const res = await fetch(url, {
      signal,
      redirect: "manual",
      headers: { accept: "text/calendar, text/plain;q=0.5", "user-agent": "Frontdoor calendar sync" },
    });
    if (res.status >= 300 && res.status < 400 && res.headers.has("location")) {
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS) return { ok: false, error: "too many redirects" };
      const next = checkFeedUrl(new URL(res.headers.get("location")!, url).toString(), limits);
      if (!next.ok)
        return { ok: false, error: `redirected to an address we do not fetch (${next.reason.toLowerCase()})` };
      url = next.url;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { ok: false, error: `HTTP ${res.status}` };
    }
    const type = (res.headers.get("content-type") ?? "").toLowerCase();
    if (type.includes("text/html") || type.includes("application/xhtml")) {
      await res.body?.cancel();
      return { ok: false, error: "not a calendar (got an HTML page)" };
    }
    const declared = Number(res.headers.get("content-length") ?? "NaN");
    if (declared > limits.maxBytes) {
      await res.body?.cancel();
      return { ok: false, error: tooLarge(limits.maxBytes) };
    }
    const body = await readCapped(res, limits.maxBytes);
    return body === null ? { ok: false, error: tooLarge(limits.maxBytes) } : { ok: true, text: body };
  }
}

/** The body as text, or null as soon as it passes `maxBytes`. */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
const tooLarge = (maxBytes: number) => `too large (over ${Math.round(maxBytes / 1024 / 1024) || 1} MB)`;
