// Build-time entry (see scripts/prerender.ts): the booking-reference page as HTML, in
// every language, from the very components the browser renders. Compiled for Solid's
// server renderer, so no effect or onMount runs and nothing touches the network.
import { renderToString } from "solid-js/web";
import type { Language } from "../domain/languages";
import { setLanguage, text } from "./i18n";
import Lookup from "./pages/Lookup";

export interface PrerenderedLookup {
  /** What goes inside #app. */
  html: string;
  title: string;
  /** The <html> element's lang and dir, as setLanguage sets them. */
  lang: string;
  dir: "ltr" | "rtl";
}

export async function prerenderLookup(lang: Language): Promise<PrerenderedLookup> {
  await setLanguage(lang);
  return {
    html: renderToString(() => <Lookup />),
    // The same words Page puts in document.title once it runs.
    title: `${text.lookupTitle} – ${text.serviceName}`,
    lang: text.locale.split("-u-")[0]!,
    dir: text.dir,
  };
}
