// What a guest types is shown to staff on the board and read out by screen readers.
// Control and format characters display nothing themselves but change how the text
// around them looks: U+202E (right-to-left override) makes "evil" show as "live".

/**
 * Joiners (U+200C, U+200D) stay: Persian, Indic scripts and emoji need them to spell a
 * name correctly, and they cannot reorder text the way bidi controls can.
 */
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}]/gu;

/** Whitespace runs become one space first, so a tab or newline between two words keeps them apart. */
export function stripInvisible(text: string): string {
  return text.replace(/\s+/g, " ").replace(INVISIBLE, "").replace(/ {2,}/g, " ").trim();
}
