// Every guest page in every language, in a real Chromium against the real stack: a
// full check-in (with a validation error and the stay page), the dead ends, and a
// second device that loses the race. On each page: the document's language and
// direction, no English from the reference table on a non-English page, no sideways
// scrolling at 320 px, screenshots at 320 px and 1280 px, and for English and Arabic,
// axe-core with every WCAG 2.x A/AA rule (2.2 included).
import AxeBuilder from "@axe-core/playwright";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en, { type Strings } from "../../client/i18n/en";
import { checkinAnalytics, guest } from "../../db/schema";
import { LANGUAGES, type Language } from "../../domain/languages";
import { screenshot, useBrowser } from "../support/browser";
import { startTestStack, type TestStack } from "../support/stack";
import { expectHeading, expectNoHorizontalScroll, ownAddress } from "./guest-steps";
import { demoSurname } from "../../db/seed";

let stack: TestStack;
const browser = useBrowser();

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  await stack?.stop();
});

const NARROW = { width: 320, height: 720 };
const WIDE = { width: 1280, height: 900 };
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** A guest of that language: a name in their script, a phone from their country, their country's plate. */
interface Guest {
  name: string;
  country: string;
  phone: string;
  e164: string;
  plate: string;
  stored: string;
}

const GUESTS: Record<Language, Guest> = {
  en: {
    name: "Ada Lovelace",
    country: "GB",
    phone: "07700 900123",
    e164: "+447700900123",
    plate: "ab12 cde",
    stored: "AB12CDE",
  },
  es: {
    name: "José Núñez",
    country: "ES",
    phone: "612 34 56 78",
    e164: "+34612345678",
    plate: "1234 bcd",
    stored: "1234BCD",
  },
  fr: {
    name: "Hélène Lefèvre",
    country: "FR",
    phone: "06 12 34 56 78",
    e164: "+33612345678",
    plate: "AB-123-CD",
    stored: "AB123CD",
  },
  de: {
    name: "Jürgen Weiß",
    country: "DE",
    phone: "0151 23456789",
    e164: "+4915123456789",
    plate: "MÜ-AB 123",
    stored: "MÜAB123",
  },
  it: {
    name: "Niccolò Bianchi",
    country: "IT",
    phone: "312 345 6789",
    e164: "+393123456789",
    plate: "AB 123 CD",
    stored: "AB123CD",
  },
  pt: {
    name: "João Gonçalves",
    country: "PT",
    phone: "912 345 678",
    e164: "+351912345678",
    plate: "AA-00-AA",
    stored: "AA00AA",
  },
  nl: {
    name: "Sanne de Vries",
    country: "NL",
    phone: "06 12345678",
    e164: "+31612345678",
    plate: "12-ABC-3",
    stored: "12ABC3",
  },
  pl: {
    name: "Łukasz Żółkiewski",
    country: "PL",
    phone: "512 345 678",
    e164: "+48512345678",
    plate: "WA 12345",
    stored: "WA12345",
  },
  zh: {
    name: "王小明",
    country: "CN",
    phone: "131 2345 6789",
    e164: "+8613123456789",
    plate: "AB12 CDE",
    stored: "AB12CDE",
  },
  ja: {
    name: "山田 太郎",
    country: "JP",
    phone: "090-1234-5678",
    e164: "+819012345678",
    plate: "AB12 CDE",
    stored: "AB12CDE",
  },
  ar: {
    name: "محمد العلي",
    country: "AE",
    phone: "050 123 4567",
    e164: "+971501234567",
    plate: "AB12 CDE",
    stored: "AB12CDE",
  },
};

async function table(lang: Language): Promise<Strings> {
  return (await import(`../../client/i18n/${lang}.ts`)).default as Strings;
}

/**
 * English a guest could read: every sentence and label of the reference table of two
 * words or more, and the fixed parts of its templates. Single words are left to the unit
 * test, which compares the tables key by key: here they would match loanwords that are
 * good Portuguese or Italian ("check-in"), names and references.
 */
function englishPhrases(): string[] {
  const phrases = new Set<string>();
  const add = (s: string) => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL marks where a message's arguments go
    for (const part of s.split(/\{\w+\}|\u0000|#/)) {
      const phrase = part.trim();
      if (phrase.length >= 8 && /\s/.test(phrase)) phrases.add(phrase);
    }
  };
  for (const [key, value] of Object.entries(en)) {
    if (key === "lang" || key === "dir" || key === "locale") continue;
    if (typeof value === "string") add(value);
    else if (typeof value === "function") {
      add(String((value as (...a: string[]) => string)("\u0000", "\u0000", "\u0000")));
    } else for (const s of Object.values(value as Record<string, string>)) add(s);
  }
  return [...phrases];
}
const ENGLISH = englishPhrases();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

let shots = 0;

/** The checks every page gets, in the language it should be in. */
async function checkPage(page: Page, lang: Language, t: Strings, name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.dir)).toBe(t.dir);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(t.locale.split("-u-")[0]);
  await expectNoHorizontalScroll(page);
  if (lang !== "en") {
    // biome-ignore lint/performance/useDomNodeTextContent: only what a guest can see counts, not closed menus
    const shown = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
    // Whole words only: French "Continuer" is not English "Continue".
    const leaked = ENGLISH.filter((phrase) =>
      new RegExp(`(?<!\\p{L})${escapeRegExp(phrase)}(?!\\p{L})`, "u").test(shown),
    );
    expect(leaked, `English on the ${lang} ${name} page`).toEqual([]);
  }
  if (lang === "en" || lang === "ar") {
    const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(problems, `axe on the ${lang} ${name} page`).toEqual([]);
  }
  shots += 1;
  await screenshot(page, `lang-${lang}-${String(shots).padStart(3, "0")}-${name}-320`);
  await page.setViewportSize(WIDE);
  await screenshot(page, `lang-${lang}-${String(shots).padStart(3, "0")}-${name}-1280`);
  await page.setViewportSize(NARROW);
}

async function newGuestPage(lang: Language): Promise<Page> {
  // The browser's own preference decides the first page's language: no switcher pressed.
  return browser.newPage({ ...ownAddress(), viewport: NARROW, locale: lang === "zh" ? "zh-CN" : lang });
}

async function lookUp(page: Page, t: Strings, ref: string): Promise<void> {
  await page.goto(`${stack.url}/checkin/`);
  await expectHeading(page, t.lookupTitle);
  await page.getByLabel(t.bookingRefLabel).fill(ref);
  await page.getByLabel(t.proofLabel).fill(demoSurname(ref) ?? "Nobody");
  await page.getByRole("button", { name: t.continue }).click();
}

describe("every guest page in every language", () => {
  it.each(LANGUAGES.map((lang, i) => [lang, `FD${1001 + i}`] as const))(
    "%s: check-in with a validation error, the stay page, and every dead end (%s)",
    async (lang, ref) => {
      const t = await table(lang);
      const who = GUESTS[lang];
      const page = await newGuestPage(lang);

      // The booking-reference page, then its validation error.
      await page.goto(`${stack.url}/checkin/`);
      await expectHeading(page, t.lookupTitle);
      await checkPage(page, lang, t, "lookup");
      await page.getByRole("button", { name: t.continue }).click();
      await page.locator(".error-summary").getByText(t.lookupRefMissing).waitFor();
      await checkPage(page, lang, t, "lookup-error");

      // The dead ends.
      await page.goto(`${stack.url}/checkin/not-found/?ref=FD9999`);
      await expectHeading(page, t.notFoundTitle);
      await checkPage(page, lang, t, "not-found");
      await page.goto(`${stack.url}/stay/${"x".repeat(40)}`);
      await expectHeading(page, t.stayNotFoundTitle);
      await checkPage(page, lang, t, "stay-missing");
      await lookUp(page, t, "FD2001");
      await expectHeading(page, t.returningTitle);
      await checkPage(page, lang, t, "returning");

      // Details: the phone starts at the property's country; an empty submit names each problem.
      await lookUp(page, t, ref);
      await expectHeading(page, t.detailsTitle);
      expect(await page.getByLabel(t.countryLabel).inputValue()).toBe("GB");
      await checkPage(page, lang, t, "details");
      await page.getByRole("button", { name: t.continue }).click();
      await page.locator(".error-summary").getByText(t.fieldErrors.name_required).waitFor();
      await page.locator("#phone-error").getByText(t.fieldErrors.phone_required).waitFor();
      await checkPage(page, lang, t, "details-errors");
      await page.getByLabel(t.fullNameLabel).fill(who.name);
      await page.getByLabel(t.countryLabel).selectOption(who.country);
      await page.getByLabel(t.phoneLabel, { exact: true }).fill(who.phone);
      await page.getByRole("button", { name: t.continue }).click();

      // Parking with a plate of the guest's country.
      await expectHeading(page, t.parkingTitle);
      await checkPage(page, lang, t, "parking");
      await page.getByLabel(t.yes, { exact: true }).check();
      await page.getByLabel(t.registrationLabel).fill(who.plate);
      await page.getByRole("button", { name: t.continue }).click();

      await expectHeading(page, t.confirmTitle);
      for (const shown of [who.name, who.stored]) await page.locator(".summary").getByText(shown).waitFor();
      await checkPage(page, lang, t, "confirm");

      // A second device looking up the same booking joins the one live session, at its step.
      const other = await newGuestPage(lang);
      await lookUp(other, t, ref);
      await expectHeading(other, t.confirmTitle);

      await page.getByRole("button", { name: t.confirmButton }).click();
      await page.waitForURL(/\/stay#/);
      await expectHeading(page, t.stayTitle("Harbour House"));
      await page.getByTestId("pin").waitFor();
      await checkPage(page, lang, t, "stay");

      // ...and follows it to the stay page when the first device confirms.
      await other.waitForURL(/\/stay#/);
      await expectHeading(other, t.stayTitle("Harbour House"));

      const [row] = await stack.db
        .select()
        .from(guest)
        .where(and(eq(guest.bookingRef, ref), eq(guest.archived, false)));
      expect(row).toMatchObject({ fullName: who.name, phoneE164: who.e164, carRegistration: who.stored });
      const [funnel] = await stack.db
        .select()
        .from(checkinAnalytics)
        .where(eq(checkinAnalytics.sessionId, row!.checkinSessionId!));
      expect(funnel).toMatchObject({ completed: true, language: lang });
    },
    // axe on every page and two screenshots of each are slow on a busy 2-core machine.
    600_000,
  );
});

describe("the language switcher", () => {
  it("re-words the page at once, keeps what was typed, and the session takes it to a second device", async () => {
    const [es, ja] = await Promise.all([table("es"), table("ja")]);
    const page = await newGuestPage("en");
    await lookUp(page, en, "FD1012");
    await expectHeading(page, en.detailsTitle);
    const sessionUrl = page.url();
    await page.getByLabel(en.fullNameLabel).fill("Ana Pérez");
    await page.getByLabel(en.countryLabel).selectOption("ES");
    await page.getByLabel(en.phoneLabel, { exact: true }).fill("612 34 56 78");

    await page.getByText(`${en.languageLabel}: English`).click();
    await page.getByRole("button", { name: "Español" }).click();
    await expectHeading(page, es.detailsTitle);
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      "es-ES",
      `${es.detailsTitle} – ${es.serviceName}`,
    ]);
    expect(await page.getByLabel(es.fullNameLabel).inputValue()).toBe("Ana Pérez");
    expect(await page.getByLabel(es.countryLabel).inputValue()).toBe("ES");
    expect(await page.getByLabel(es.phoneLabel, { exact: true }).inputValue()).toBe("612 34 56 78");
    // The country names follow the language too.
    expect(await page.getByLabel(es.countryLabel).locator("option:checked").textContent()).toBe("+34 España");

    // A second device whose browser prefers Japanese opens the session in Spanish.
    const other = await newGuestPage("ja");
    await other.goto(sessionUrl);
    await expectHeading(other, es.detailsTitle);
    expect(await other.getByText(ja.detailsTitle).count()).toBe(0);

    // Submitting in Spanish works, and the choice reaches the funnel row.
    await page.getByRole("button", { name: es.continue }).click();
    await expectHeading(page, es.parkingTitle);
    const sessionId = new URL(sessionUrl).searchParams.get("s")!;
    await expect
      .poll(
        async () => {
          const [row] = await stack.db.select().from(checkinAnalytics).where(eq(checkinAnalytics.sessionId, sessionId));
          return row?.language;
        },
        { timeout: 30_000 },
      )
      .toBe("es");

    // The other device follows a change made on the first.
    await page.getByText(`${es.languageLabel}: Español`).click();
    await page.getByRole("button", { name: "日本語" }).click();
    await expectHeading(page, ja.parkingTitle);
    await expectHeading(other, ja.parkingTitle);
  }, 300_000);
});
