// Where the tab remembers its check-in. sessionStorage keeps it per tab across
// refreshes and reopen-closed-tab; the `?s=` query carries it to another device or
// browser, which then joins the same live session.
import { sessionId as sessionIdSchema } from "../../shared/protocol/common";

const KEY = "frontdoor.checkin.session";

export function rememberedSessionId(query: URLSearchParams): string | null {
  const fromUrl = query.get("s");
  if (fromUrl && sessionIdSchema.safeParse(fromUrl).success) {
    remember(fromUrl);
    return fromUrl;
  }
  const stored = safeGet();
  return stored && sessionIdSchema.safeParse(stored).success ? stored : null;
}

export function remember(id: string): void {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // Private modes may refuse storage; the `?s=` in the URL still carries the session.
  }
}

export function forget(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

function safeGet(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
