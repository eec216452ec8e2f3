// The guest's language. English is bundled; any other `client/i18n/<lang>.ts` is
// discovered at build time and fetched only when a guest picks it, so adding a
// language never touches code or grows the English bundle.
import { createSignal } from "solid-js";
import { LANGUAGES, type Language } from "../../domain/languages";
import en, { type Strings } from "./en";

// Tables are the files named by a two-letter code; helpers next to them have longer names.
const others = import.meta.glob<Strings>(["./[a-z][a-z].ts", "!./en.ts"], { import: "default" });

const STORAGE_KEY = "frontdoor.language";

const [table, setTable] = createSignal<Strings>(en);

/**
 * The active string table. Every read goes through a signal, so a page re-renders its
 * words in place when the language changes and keeps whatever the guest typed.
 */
export const text: Strings = new Proxy({} as Strings, {
  get: (_, key) => table()[key as keyof Strings],
});

/** A sentence worded when shown, so it follows a change of language while on screen. */
export type Words = () => string;

export const language = (): Language => table().lang as Language;

export function isLanguage(tag: string): tag is Language {
  return (LANGUAGES as readonly string[]).includes(tag);
}

/** An explicit choice on this device first, then the browser's preferences, then English. */
export function preferredLanguage(preferred: readonly string[] = navigator.languages): Language {
  const stored = readStored();
  if (stored) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0]!;
    if (isLanguage(base)) return base;
  }
  return "en";
}

export async function setLanguage(lang: Language, opts: { remember?: boolean } = {}): Promise<void> {
  const load = others[`./${lang}.ts`];
  const next = lang === "en" || !load ? en : await load();
  if (opts.remember) store(lang);
  setTable(next);
  // The locale names the variant too (zh-CN is Simplified Chinese) for screen readers and fonts.
  document.documentElement.lang = next.locale.split("-u-")[0]!;
  document.documentElement.dir = next.dir;
}

export function loadStrings(): Promise<void> {
  return setLanguage(preferredLanguage());
}

function readStored(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value && isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function store(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private modes may refuse storage; the session still carries the choice.
  }
}
