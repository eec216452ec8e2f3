// Every page is the same HTML shell; the client router picks the page. The build
// stores it as JSON under this name so partykit's static server never answers a page
// itself (it cannot add headers): the main party serves the shell, with the security
// headers, for every page path. As JSON it cannot render as a page if fetched directly.
// The shell carries its critical CSS inline, and /checkin/ has its own copies with the
// booking-reference page already rendered (scripts/prerender.ts), one per language.
import type { Language } from "../domain/languages";

export const PAGE_SHELL_ASSET = "page-shell.json";

export interface PageShell {
  /** Every page path but /checkin/: #app is empty until the client renders. */
  html: string;
  /** /checkin/ in each language, its first screen in the document. */
  checkin: Record<Language, string>;
  /** CSP sources ('sha256-…') for the inline <style> elements of every variant. */
  styleHashes: string[];
  /** CSP sources for /checkin/'s one inline script, which loads the scripts after the first paint. */
  checkinScriptHashes: string[];
}
