// Picks the guest's language before the first render. English is bundled; any other
// `client/i18n/<lang>.ts` is discovered at build time and fetched only by guests who
// prefer it, so adding a language never touches code or grows the English bundle.
import en, { type Strings } from "./en";

const others = import.meta.glob<Strings>(["./*.ts", "!./index.ts", "!./en.ts"], { import: "default" });

/** The active string table. Filled in place before the first render, so importers can hold on to it. */
export const text: Strings = { ...en };

export async function loadStrings(preferred: readonly string[] = navigator.languages): Promise<void> {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "en") break;
    const load = others[`./${base}.ts`];
    if (load) {
      Object.assign(text, await load());
      break;
    }
  }
  document.documentElement.lang = text.lang;
}
