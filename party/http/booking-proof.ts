// Checks the second fact typed beside a reference. The same number of hashes and
// comparisons whether or not the booking exists, so the answer's timing says nothing.
import { anyEqual, factSlots, proofForms, type BookingFacts } from "../../domain/booking-proof";
import { DEFAULT_PHONE_REGION } from "../../domain/guest-details";

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

export async function bookingProven(booking: BookingFacts | null, typed: string, region?: string): Promise<boolean> {
  const country = region ?? DEFAULT_PHONE_REGION;
  const [forms, facts] = await Promise.all([
    Promise.all(proofForms(typed, country).map(digest)),
    Promise.all(factSlots(booking, country).map(digest)),
  ]);
  return anyEqual(forms, facts);
}
