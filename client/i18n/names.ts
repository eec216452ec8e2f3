import type { Language } from "../../domain/languages";

/** Each language named in itself, so a guest finds theirs whatever the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  es: "Español",
  fr: "Français",
  de: "Deutsch",
  it: "Italiano",
  pt: "Português",
  nl: "Nederlands",
  pl: "Polski",
  zh: "简体中文",
  ja: "日本語",
  ar: "العربية",
};
