// Turns what a guest typed into what we store, or into per-field messages a guest
// can act on. Shared by the client (instant feedback) and the checkin room (the
// authority), so both give the same answer.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import type { DetailsInput, GuestDetails, ParkingDetails, ParkingInput } from "../shared/protocol";

export const DEFAULT_PHONE_REGION: CountryCode = "GB";

export type Validation<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

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
  const fields: Record<string, string> = {};
  const fullName = input.fullName.trim().replace(/\s+/g, " ");
  if (!fullName) fields.fullName = "Enter your full name";
  else if (fullName.length > 120) fields.fullName = "Full name must be 120 characters or fewer";

  const phoneE164 = input.phone.trim() ? normalisePhone(input.phone, input.phoneCountry ?? DEFAULT_PHONE_REGION) : null;
  if (!input.phone.trim()) fields.phone = "Enter your phone number";
  else if (!phoneE164) fields.phone = "Enter a valid phone number, like 07700 900123 or +44 7700 900123";

  const emailRaw = (input.email ?? "").trim();
  const email = emailRaw ? emailRaw.toLowerCase() : null;
  if (email && (!EMAIL.test(email) || email.length > 254)) fields.email = "Enter an email address like name@example.com, or leave it empty";

  if (Object.keys(fields).length > 0 || !phoneE164) return { ok: false, fields };
  return { ok: true, value: { fullName, phoneE164, email } };
}

/** UK plates are up to 7 characters; 10 leaves room for foreign plates without accepting junk. */
const REGISTRATION = /^[A-Z0-9]{2,10}$/;

export function validateParking(input: ParkingInput): Validation<ParkingDetails> {
  if (!input.hasCar) return { ok: true, value: { hasCar: false, registration: null } };
  const registration = (input.registration ?? "").replace(/[\s-]+/g, "").toUpperCase();
  if (!registration) return { ok: false, fields: { registration: "Enter your car registration" } };
  if (!REGISTRATION.test(registration)) {
    return { ok: false, fields: { registration: "Car registration must be 2 to 10 letters and numbers" } };
  }
  return { ok: true, value: { hasCar: true, registration } };
}
