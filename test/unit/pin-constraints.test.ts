import { describe, expect, it } from "vitest";
import {
  chooseCommonCode,
  codeFits,
  commonLengths,
  lockAccepts,
  type CodeConstraints,
} from "../../domain/pin-constraints";

const lock = (
  lengths: number[],
  rules: CodeConstraints["rules"] = [],
  unsupported: CodeConstraints["unsupported"] = [],
): CodeConstraints => ({
  lengths,
  rules,
  unsupported,
});
const any = lock([]);

/** Uniform 32-bit values from a small deterministic generator, so draws are repeatable. */
function seeded(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

describe("what one lock accepts", () => {
  it.each([
    ["no_zeros", "480915", false],
    ["no_zeros", "481915", true],
    ["cannot_start_with_12", "129384", false],
    ["cannot_start_with_12", "219384", true],
    ["no_triple_consecutive_ints", "945671", false],
    ["no_triple_consecutive_ints", "947771", false],
    ["no_triple_consecutive_ints", "975318", true],
    ["no_ascending_or_descending_sequence", "198765", false],
    ["at_least_three_unique_digits", "919199", false],
    ["at_least_three_unique_digits", "919299", true],
    ["cannot_contain_089", "314852", false],
    ["cannot_contain_0789", "314762", false],
    ["cannot_contain_0789", "314652", true],
  ] as const)("%s: %s -> %s", (rule, code, accepted) => {
    expect(lockAccepts(code, lock([6], [rule]))).toBe(accepted);
  });

  it("takes only its supported lengths, and 4 to 8 digits when it names none", () => {
    expect(lockAccepts("4829", lock([6]))).toBe(false);
    expect(lockAccepts("4829", any)).toBe(true);
    expect(lockAccepts("482", any)).toBe(false);
    expect(lockAccepts("482915374", any)).toBe(false);
    expect(lockAccepts("48a915", any)).toBe(false);
  });

  it("never fits a code guessable at the keypad, even where the lock would take it", () => {
    expect(lockAccepts("111111", any)).toBe(true);
    expect(codeFits("111111", any)).toBe(false);
    expect(codeFits("456789", any)).toBe(false);
  });
});

describe("one code for every lock of a stay", () => {
  it("prefers six digits, then longer, then shorter", () => {
    expect(commonLengths([any, any])).toEqual([6, 7, 8, 5, 4]);
    expect(commonLengths([lock([4, 5, 8]), lock([4, 8])])).toEqual([8, 4]);
    expect(commonLengths([lock([4]), lock([6])])).toEqual([]);
  });

  it("keeps the session's code when every lock accepts it", () => {
    expect(chooseCommonCode("975318", [any, lock([6], ["no_zeros"])], seeded(1))).toEqual({ ok: true, code: "975318" });
  });

  it("draws a code every lock accepts when one refuses the current code", () => {
    const locks = [lock([4, 6], ["no_zeros", "cannot_start_with_12"]), lock([4], ["cannot_contain_089"])];
    for (let seed = 1; seed <= 200; seed++) {
      const choice = chooseCommonCode("102938", locks, seeded(seed));
      expect(choice.ok).toBe(true);
      if (!choice.ok) continue;
      expect(choice.code).toHaveLength(4);
      expect(choice.code).toMatch(/^[1-7]{4}$/);
      expect(choice.code.startsWith("12")).toBe(false);
      expect(locks.every((l) => codeFits(choice.code, l))).toBe(true);
    }
  });

  it("spreads its draws over the allowed codes instead of favouring a few", () => {
    const seen = new Set<string>();
    const random = seeded(7);
    for (let i = 0; i < 500; i++) {
      const choice = chooseCommonCode(null, [lock([4], ["no_zeros"])], random);
      if (choice.ok) seen.add(choice.code);
    }
    // 9^4 = 6561 codes allowed: 500 uniform draws repeat only a handful.
    expect(seen.size).toBeGreaterThan(470);
  });

  it("says in words why no code can be chosen", () => {
    expect(chooseCommonCode("975318", [lock([4]), lock([6])], seeded(1))).toEqual({
      ok: false,
      reason: "The locks of this room accept no code length in common",
    });
    const refusing = chooseCommonCode("975318", [any, lock([], [], ["cannot_specify_pin_code"])], seeded(1));
    expect(refusing.ok).toBe(false);
  });
});
