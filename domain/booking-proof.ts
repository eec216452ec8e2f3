// The second fact a guest types beside the booking reference, and the facts a booking
// carries to check it against. Both sides become the same fixed number of strings, so the
// comparison (done on their hashes by the caller) costs the same whether the booking
// exists, has facts, or not: an unknown reference and a wrong fact must look alike.
import { normalisePhone } from "./guest-details";

/** Name suffixes kept per booking: "Jan van der Berg" is matched by "Berg", "der Berg", "van der Berg", … */
export const NAME_SLOTS = 4;
/** Per booking: NAME_SLOTS name forms, the email, the phone. */
export const FACT_SLOTS = NAME_SLOTS + 2;
/** Per typed proof: read as a name, as an email and as a phone. */
export const PROOF_FORMS = 3;

// Distinct tags, so a fact can never equal a typed form of another kind, and the two
// placeholders ("no fact", "not this kind") can never equal each other or anything real.
const NO_FACT = "\u0000no-fact";
const NOT_THIS_KIND = "\u0000not-this-kind";

/** Case, accents, spaces and punctuation do not count: "  o'brien-SMITH" is "obriensmith". */
export function nameKey(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export function emailKey(raw: string): string {
  return raw.trim().toLowerCase();
}

export interface BookingFacts {
  expectedGuestName: string | null;
  expectedGuestEmail: string | null;
  expectedGuestPhone: string | null;
}

/** Whether a booking can be started by reference at all; without a fact only its link starts it. */
export function hasProofFacts(b: BookingFacts, region: string): boolean {
  return factSlots(b, region).some((f) => f !== NO_FACT);
}

/** The booking's facts in FACT_SLOTS tagged strings; `null` (no such booking) gives only placeholders. */
export function factSlots(b: BookingFacts | null, region: string): string[] {
  const words = (b?.expectedGuestName ?? "").split(/\s+/).map(nameKey).filter(Boolean);
  const names: string[] = [];
  for (let n = 1; n <= NAME_SLOTS; n++) {
    // A suffix of one or two letters ("Li" is a surname; "i" alone is not proof of anything).
    const suffix = n <= words.length ? words.slice(-n).join("") : "";
    names.push(suffix.length >= 2 ? `name:${suffix}` : NO_FACT);
  }
  const email = b?.expectedGuestEmail ? emailKey(b.expectedGuestEmail) : "";
  const phone = b?.expectedGuestPhone ? normalisePhone(b.expectedGuestPhone, region) : null;
  return [...names, email ? `email:${email}` : NO_FACT, phone ? `phone:${phone}` : NO_FACT];
}

/** What the guest typed, read each way it could be meant, in PROOF_FORMS tagged strings. */
export function proofForms(typed: string, region: string): string[] {
  const name = nameKey(typed);
  const email = typed.includes("@") ? emailKey(typed) : "";
  // Only digits and phone punctuation: "Lovelace" must not be read as a vanity number.
  const phone = /^[\d\s()+.\-/]+$/.test(typed.trim()) ? normalisePhone(typed, region) : null;
  return [
    name.length >= 2 ? `name:${name}` : NOT_THIS_KIND,
    email ? `email:${email}` : NOT_THIS_KIND,
    phone ? `phone:${phone}` : NOT_THIS_KIND,
  ];
}

/** Compares every pair of equal-length digests without an early exit; true when any pair is equal. */
export function anyEqual(forms: Uint8Array[], facts: Uint8Array[]): boolean {
  let matched = 0;
  for (const a of forms) {
    for (const b of facts) {
      let diff = a.length ^ b.length;
      for (let i = 0; i < a.length; i++) diff |= a[i]! ^ (b[i] ?? 0);
      matched |= diff === 0 ? 1 : 0;
    }
  }
  return matched === 1;
}

/** Failed proofs on one booking within a day that the desk is shown as an alert. */
export const PROOF_ALERT_THRESHOLD = 5;
export const PROOF_FAILURE_WINDOW_MS = 24 * 60 * 60_000;

export function proofAlert(failures: number, lastFailedAt: number | null, now: number): boolean {
  return failures >= PROOF_ALERT_THRESHOLD && lastFailedAt !== null && now - lastFailedAt < PROOF_FAILURE_WINDOW_MS;
}
