// What a property's settings must be before they are stored: a time zone the runtime
// knows, a country the phone library knows, a phone number that can be dialled.
import { isSupportedCountry } from "libphonenumber-js/min";
import { normalisePhone } from "./guest-details";

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export interface PropertySettingsInput {
  name: string;
  timeZone: string;
  country: string;
  phone: string;
  standardCheckInTime: string;
  standardCheckoutTime: string;
}

export type SettingsCheck =
  | { ok: true; value: PropertySettingsInput }
  | { ok: false; fields: Partial<Record<keyof PropertySettingsInput, string>> };

/** Input already shaped by the wire schema; this adds the checks that need data (zones, countries, numbering plans). */
export function checkPropertySettings(input: PropertySettingsInput): SettingsCheck {
  const fields: Partial<Record<keyof PropertySettingsInput, string>> = {};
  if (!isTimeZone(input.timeZone)) fields.timeZone = "Enter a time zone like Europe/London";
  if (!isSupportedCountry(input.country)) fields.country = "Enter a two-letter country code, like GB";
  const phone = fields.country ? null : normalisePhone(input.phone, input.country);
  if (!phone) fields.phone = "Enter a phone number, like +44 20 7946 0000";
  const pad = (t: string) => (t.length === 4 ? `0${t}` : t);
  if (Object.keys(fields).length > 0 || !phone) return { ok: false, fields };
  return {
    ok: true,
    value: {
      ...input,
      phone,
      standardCheckInTime: pad(input.standardCheckInTime),
      standardCheckoutTime: pad(input.standardCheckoutTime),
    },
  };
}
