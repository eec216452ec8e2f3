// Turns what a guest typed into what we store, or into per-field messages a guest
// can act on. Shared by the client (instant feedback) and the checkin room (the
// authority), so both give the same answer.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import type { FieldErrorCode } from "./field-errors";
import { stripInvisible } from "./plain-text";

/** Details as typed: raw strings, checked only for size on the wire. */
export interface DetailsInput {
  fullName: string;
  phone: string;
  /** ISO 3166-1 alpha-2 region used to read a national-format number. */
  phoneCountry?: string;
  email?: string;
}

export interface ParkingInput {
  hasCar: boolean;
  registration?: string;
}

/** Details after validation: what is stored and shown back. */
export interface GuestDetails {
  fullName: string;
  phoneE164: string;
  email: string | null;
}

export interface ParkingDetails {
  hasCar: boolean;
  registration: string | null;
}

export const DEFAULT_PHONE_REGION: CountryCode = "GB";

export type FieldErrors = Record<string, FieldErrorCode>;
export type Validation<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors };

// Deliberately simple: the mailbox is proven by delivery, not by a regex.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * Accepts numbers of a possible length for their country rather than only numbers the
 * metadata knows as allocated: allocation tables lag reality (and exclude Ofcom's
 * 07700 900xxx range that every UK example uses), and turning away a real guest in a
 * taxi costs more than storing an unusual number.
 */
export function normalisePhone(raw: string, region: string = DEFAULT_PHONE_REGION): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), region as CountryCode);
  return parsed && (parsed.isValid() || parsed.isPossible()) ? parsed.number : null;
}

export function validateDetails(input: DetailsInput): Validation<GuestDetails> {
  const fields: FieldErrors = {};
  const fullName = stripInvisible(input.fullName);
  if (!fullName) fields.fullName = "name_required";
  // Counted in characters, not UTF-16 units, so a name written in a script outside the
  // Basic Multilingual Plane gets the same room as one in Latin letters.
  else if ([...fullName].length > 120) fields.fullName = "name_too_long";

  const phoneE164 = input.phone.trim() ? normalisePhone(input.phone, input.phoneCountry ?? DEFAULT_PHONE_REGION) : null;
  if (!input.phone.trim()) fields.phone = "phone_required";
  else if (!phoneE164) fields.phone = "phone_invalid";

  const emailRaw = (input.email ?? "").trim();
  const email = emailRaw ? emailRaw.toLowerCase() : null;
  if (email && (!EMAIL.test(email) || email.length > 254)) fields.email = "email_invalid";

  if (Object.keys(fields).length > 0 || !phoneE164) return { ok: false, fields };
  return { ok: true, value: { fullName, phoneE164, email } };
}

/**
 * UK plates are up to 7 characters; 10 leaves room for any European plate without
 * accepting junk. German plates may carry Ä, Ö or Ü (MÜ, HÖ…); separators such as the
 * dots and middle dots some countries print are dropped like spaces and hyphens.
 */
const REGISTRATION = /^[A-Z0-9ÄÖÜ]{2,10}$/;

export function validateParking(input: ParkingInput): Validation<ParkingDetails> {
  if (!input.hasCar) return { ok: true, value: { hasCar: false, registration: null } };
  const registration = stripInvisible(input.registration ?? "")
    .replace(/[\s\-.·]+/g, "")
    .toUpperCase();
  if (!registration) return { ok: false, fields: { registration: "registration_required" } };
  if (!REGISTRATION.test(registration)) {
    return { ok: false, fields: { registration: "registration_invalid" } };
  }
  return { ok: true, value: { hasCar: true, registration } };
}
