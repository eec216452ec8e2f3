// The string tables: every language fully translated (the typecheck already refuses a
// missing or extra key), plurals by each language's own rules, no English left behind.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en, { type Strings } from "../../client/i18n/en";
import { LANGUAGE_NAMES } from "../../client/i18n/names";
import { plural } from "../../client/i18n/numbers";
import { LANGUAGES } from "../../domain/languages";

const DIR = fileURLToPath(new URL("../../client/i18n/", import.meta.url));

/** Words that are the same in English and that language, checked by hand. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  es: ["errorPrefix", "no"],
  it: ["no"],
  de: ["summaryName"],
};

async function table(lang: string): Promise<Strings> {
  return (await import(`../../client/i18n/${lang}.ts`)).default as Strings;
}

/** Every leaf of a table as text, functions called with recognisable arguments. */
function sentences(t: Strings): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(t)) {
    if (typeof value === "string") out.set(key, value);
    else if (typeof value === "function") out.set(key, String((value as (...a: unknown[]) => string)(3, 4, "X9")));
    // Field messages and plural forms.
    else for (const [sub, s] of Object.entries(value as Record<string, string>)) out.set(`${key}.${sub}`, s);
  }
  return out;
}

describe("string tables", () => {
  it("exist for exactly the languages the session accepts, each named in itself", () => {
    const files = readdirSync(DIR)
      .filter((f) => /^[a-z]{2}\.ts$/.test(f))
      .map((f) => f.slice(0, 2));
    expect(files.sort()).toEqual([...LANGUAGES].sort());
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== "en"))("%s has no English left in it", async (lang) => {
    const t = await table(lang);
    expect(t.lang).toBe(lang);
    const english = sentences(en);
    const allowed = SAME_AS_ENGLISH[lang] ?? [];
    const leftovers = [...sentences(t)].filter(([key, s]) => !allowed.includes(key) && s === english.get(key));
    expect(leftovers.map(([key]) => key).filter((k) => k !== "dir")).toEqual([]);
  });

  it("keeps the {phone} slot in every sentence that has one in English", async () => {
    for (const lang of LANGUAGES) {
      const t = await table(lang);
      for (const key of ["errorNextWithPhone", "stayPinMissing", "stayFrontDesk"] as const) {
        expect(t[key], `${lang}.${key}`).toContain("{phone}");
      }
    }
  });

  it("puts the reference into every sentence that mentions one", async () => {
    for (const lang of LANGUAGES) {
      const t = await table(lang);
      for (const s of [t.lookupNotFound("FD1234"), t.returningIntro("FD1234"), t.notFoundBody("FD1234")]) {
        expect(s, lang).toContain("FD1234");
      }
    }
  });

  it("words numbers of seconds by each language's plural rules", async () => {
    const wait = async (lang: string, n: number) => {
      const t = await table(lang);
      return plural(t.locale, n, t.tooManyAttempts);
    };
    expect(await wait("en", 1)).toBe("Too many attempts. Try again in 1 second.");
    expect(await wait("en", 30)).toBe("Too many attempts. Try again in 30 seconds.");
    expect(await wait("en", 1500)).toBe("Too many attempts. Try again in 1,500 seconds.");
    expect(await wait("pl", 1)).toContain("1 sekundę");
    expect(await wait("pl", 3)).toContain("3 sekundy");
    expect(await wait("pl", 25)).toContain("25 sekund.");
    expect(await wait("ar", 1)).toContain("ثانية واحدة");
    expect(await wait("ar", 2)).toContain("ثانيتين");
    expect(await wait("ar", 5)).toContain("5 ثوانٍ");
    expect(await wait("ar", 30)).toContain("30 ثانية");
    expect(await wait("de", 1500)).toContain("1.500 Sekunden");
    expect(await wait("ja", 1)).toContain("1 秒");
  });

  it("writes Arabic right to left and every other language left to right", async () => {
    for (const lang of LANGUAGES) expect((await table(lang)).dir, lang).toBe(lang === "ar" ? "rtl" : "ltr");
  });
});
