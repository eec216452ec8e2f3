// The stay link: `/stay#<token>`. A fragment is never sent to a server, so the token stays
// out of request lines and logs; the page sends it in a POST body. The browser keeps the
// last stay in localStorage, which is how a guest gets back to their code on this device.
import { stayToken } from "../shared/protocol/common";

export const STAY_PATH = "/stay";
const KEY = "frontdoor.stay";
const OLD_STAY_LINK = /^\/stay\/([^/]+)\/?$/;

export const stayUrl = (token: string) => `${STAY_PATH}#${token}`;

/**
 * An old `/stay/<token>` link becomes `/stay#<token>` before the page makes any request.
 * Run once, first thing, by the entry point.
 */
export function moveStayTokenToFragment(): void {
  const old = OLD_STAY_LINK.exec(location.pathname);
  if (old) history.replaceState(null, "", `${STAY_PATH}${location.search}#${old[1]}`);
}

export interface KeptStay {
  token: string;
  bookingRef: string | null;
}

/** The stay named by the URL's fragment, else the one this browser kept. */
export function currentStayToken(): string | null {
  const fromUrl = decodeURIComponent(location.hash.slice(1));
  if (stayToken.safeParse(fromUrl).success) return fromUrl;
  return keptStay()?.token ?? null;
}

export function keepStay(stay: KeptStay): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(stay));
  } catch {
    // Private modes may refuse storage; the link itself still works.
  }
}

export function keptStay(): KeptStay | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<KeptStay> | null;
    if (!raw || !stayToken.safeParse(raw.token).success) return null;
    return { token: raw.token!, bookingRef: typeof raw.bookingRef === "string" ? raw.bookingRef : null };
  } catch {
    return null;
  }
}

/** The stay link to copy or keep, on this site. */
export const stayLinkHref = (token: string) => new URL(stayUrl(token), location.origin).href;
