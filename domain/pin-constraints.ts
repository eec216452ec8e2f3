// What a lock accepts as a keypad code, and choosing one code that every lock of a stay
// accepts. Seam reports each device's rules as `code_constraints` and its lengths as
// `supported_code_lengths`; a code a lock cannot hold would fail on the device minutes
// later, so the shape is checked before anything is sent.
import { isGuessablePin } from "./pin-code";

/** The `constraint_type` values Seam documents for access codes that concern the code's digits. */
export type CodeRule =
  | "no_zeros"
  | "cannot_start_with_12"
  | "no_triple_consecutive_ints"
  | "no_ascending_or_descending_sequence"
  | "at_least_three_unique_digits"
  | "cannot_contain_089"
  | "cannot_contain_0789"
  | "no_all_same_digits";

/** Rules meaning the lock will not take a code we choose; one common code is then impossible. */
export type UnsupportedRule = "cannot_specify_pin_code" | "pin_code_matches_existing_set";

export interface CodeConstraints {
  /** Empty means the lock did not say; any length from 4 to 8 is then assumed. */
  lengths: readonly number[];
  rules: readonly CodeRule[];
  unsupported: readonly UnsupportedRule[];
}

const ANY_LENGTH = [4, 5, 6, 7, 8] as const;
const PREFERRED_LENGTH = 6;

const digitsOf = (code: string) => [...code].map(Number);

/** Any three digits in a row that repeat or count up or down by one. */
function hasRunOfThree(code: string): boolean {
  const d = digitsOf(code);
  for (let i = 2; i < d.length; i++) {
    const a = d[i - 2]!;
    const b = d[i - 1]!;
    const c = d[i]!;
    const step = b - a;
    if ((step === 0 || step === 1 || step === -1) && c - b === step) return true;
  }
  return false;
}

const RULE_CHECKS: Record<CodeRule, (code: string) => boolean> = {
  no_zeros: (code) => !code.includes("0"),
  cannot_start_with_12: (code) => !code.startsWith("12"),
  no_triple_consecutive_ints: (code) => !hasRunOfThree(code),
  no_ascending_or_descending_sequence: (code) => !hasRunOfThree(code),
  at_least_three_unique_digits: (code) => new Set(code).size >= 3,
  cannot_contain_089: (code) => !/[089]/.test(code),
  cannot_contain_0789: (code) => !/[0789]/.test(code),
  no_all_same_digits: (code) => new Set(code).size > 1,
};

export function isCodeRule(value: string): value is CodeRule {
  return Object.hasOwn(RULE_CHECKS, value);
}

export function isUnsupportedRule(value: string): value is UnsupportedRule {
  return value === "cannot_specify_pin_code" || value === "pin_code_matches_existing_set";
}

const allowedLengths = (c: CodeConstraints): readonly number[] => (c.lengths.length > 0 ? c.lengths : ANY_LENGTH);

/** Whether a lock with these constraints accepts `code`: what the lock itself checks. */
export function lockAccepts(code: string, constraints: CodeConstraints): boolean {
  if (!/^\d+$/.test(code) || !allowedLengths(constraints).includes(code.length)) return false;
  return constraints.rules.every((rule) => RULE_CHECKS[rule](code));
}

/** Whether `code` fits one lock's constraints and is not guessable at the keypad. */
export function codeFits(code: string, constraints: CodeConstraints): boolean {
  return !isGuessablePin(code) && lockAccepts(code, constraints);
}

export type CodeChoice = { ok: true; code: string } | { ok: false; reason: string };

/** Lengths every lock accepts, best first: six digits if possible, then longer before shorter. */
export function commonLengths(locks: readonly CodeConstraints[]): number[] {
  const shared = ANY_LENGTH.filter((n) => locks.every((c) => allowedLengths(c).includes(n)));
  return [...shared].sort((a, b) => rank(a) - rank(b));
}

const rank = (length: number) => (length === PREFERRED_LENGTH ? 0 : length > PREFERRED_LENGTH ? length : 100 - length);

/**
 * Keeps `current` when every lock accepts it, so a session's code never changes without
 * need; otherwise draws a new one, uniformly among the codes of the best common length
 * that every lock accepts.
 * @param randomUint32 source of uniform 32-bit integers (crypto.getRandomValues in production).
 */
export function chooseCommonCode(
  current: string | null,
  locks: readonly CodeConstraints[],
  randomUint32: () => number,
): CodeChoice {
  const refusing = locks.flatMap((c) => c.unsupported);
  if (refusing.length > 0) {
    return {
      ok: false,
      reason: "A lock only accepts codes it makes up itself, so one code for every door is impossible",
    };
  }
  if (current !== null && locks.every((c) => codeFits(current, c))) return { ok: true, code: current };
  const lengths = commonLengths(locks);
  if (lengths.length === 0) return { ok: false, reason: "The locks of this room accept no code length in common" };
  const length = lengths[0]!;
  const range = 10 ** length;
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  // Rules can exclude most codes (no 0, 8 or 9 leaves 7^n), so allow many draws before giving up.
  for (let draws = 0; draws < 100_000; draws++) {
    const n = randomUint32();
    if (n >= limit) continue;
    const code = String(n % range).padStart(length, "0");
    if (locks.every((c) => codeFits(code, c))) return { ok: true, code };
  }
  return { ok: false, reason: "No code satisfies every lock's rules" };
}
