// Phone entry helpers. We import `libphonenumber-js/min` on purpose: the "min"
// metadata validates and formats every country's numbers (enough for
// `validateDetails` and as-you-type formatting) at a fraction of "max", whose extra
// weight only buys number-type detection (mobile vs fixed line) we never use.
// domain/guest-details.ts imports the same entry, so the metadata ships once.
import {
  AsYouType,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js/min";
import { DEFAULT_PHONE_REGION } from "../domain/guest-details";
import { text } from "./i18n";

/** Where our guests mostly come from; the default first. Anyone else types +CC. */
export const COUNTRIES: readonly CountryCode[] = [
  "GB",
  "IE",
  "US",
  "CA",
  "FR",
  "DE",
  "ES",
  "IT",
  "NL",
  "BE",
  "CH",
  "AT",
  "PT",
  "SE",
  "NO",
  "DK",
  "FI",
  "PL",
  "CZ",
  "GR",
  "AU",
  "NZ",
  "IN",
  "CN",
  "JP",
  "AE",
  "ZA",
  "BR",
];

/** Most guests of a property have a phone from its country, so that is where the picker starts. */
export function propertyCountry(country: string | undefined): CountryCode {
  return country && isSupportedCountry(country) ? country : DEFAULT_PHONE_REGION;
}

const names = new Map<string, Intl.DisplayNames>();

/** Read inside a render, so the names follow the guest's language. */
export function countryOption(code: CountryCode): string {
  const locale = text.locale;
  if (!names.has(locale)) names.set(locale, new Intl.DisplayNames([locale], { type: "region" }));
  const name = names.get(locale)!.of(code) ?? code;
  // Calling code first: a narrow select still shows the part that matters.
  return `+${getCountryCallingCode(code)} ${name}`;
}

export function formatAsYouType(raw: string, country: CountryCode): string {
  return new AsYouType(country).input(raw);
}

/** Turns a stored E.164 number back into what the guest typed: its country and national format. */
export function splitE164(e164: string): { country: CountryCode; national: string } | null {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.country) return null;
  return { country: parsed.country, national: parsed.formatNational() };
}

export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
