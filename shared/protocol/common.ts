// Primitives every audience's wire format uses, and the one size cap.
//
// zod/mini (functions, not methods) because the guest wizard loads these modules before
// its first paint and classic zod's method-laden prototypes cannot be tree-shaken.
// Error messages need a zod locale: entry points set it (shared/zod-locale.ts).
import { z } from "zod/mini";
import { DEVICE_TYPES } from "../../domain/device-type";
import { PIN_STATUSES } from "../../domain/checkin-types";
import { LANGUAGES } from "../../domain/languages";
import { STEPS } from "../../domain/steps";

/** Hard cap for any websocket message or HTTP body we accept, in bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/**
 * True when a schema's parsed type and the domain type it carries accept the same values;
 * `true satisfies Same<A, B>` fails to compile when they drift apart.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const int = () => z.number().check(z.int());

export const BOOKING_REF_PATTERN = /^[A-Z0-9]{4,16}$/;

/** Guests type references in any case and with stray spaces; we compare canonical forms. */
export const bookingRef = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(64)),
    z.transform((s: string) => s.replace(/\s+/g, "").toUpperCase()),
  ),
  // Codes, not sentences: the guest's page words them in the guest's language.
  z.string().check(z.regex(BOOKING_REF_PATTERN, "booking_ref_invalid")),
);

export const sessionId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, "session_id_invalid"));
export const stayToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{32,64}$/, "stay_token_invalid"));

export const stepName = z.enum(STEPS);
export const deviceType = z.enum(DEVICE_TYPES);
export const pinStatus = z.enum(PIN_STATUSES);
export const language = z.enum(LANGUAGES);
