// How many SMS segments a text costs. A text written only in the GSM 03.38 alphabet
// travels 7 bits a character (160 in one segment, 153 per part once split); anything
// else makes the whole text UCS-2 (70, then 67 per part). Characters of the extension
// table (€, [, ] …) take two septets. UCS-2 counts UTF-16 code units.
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsEncoding = "gsm-7" | "ucs-2";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extended.has(ch)) septets += 2;
    else {
      const units = text.length;
      return { encoding: "ucs-2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
    }
  }
  return { encoding: "gsm-7", units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

/** What the issue allows: one GSM-7 segment (160), or at most two segments of either encoding. */
export function smsFits(text: string): boolean {
  return smsLength(text).segments <= 2;
}

const LOOKALIKES: Record<string, string> = {
  "\u2019": "'",
  "\u2018": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2026": "...",
  "\u2013": "-",
  "\u2014": "-",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2009": " ",
};

/**
 * A text that would take more than two segments, written in a Latin script, loses the
 * accents GSM-7 lacks (ç → c, ê → e) and typographic marks (’ → ') so it fits: what
 * phones in most of Europe show for SMS anyway. Texts in other scripts stay as they are.
 */
export function fitSms(text: string): string {
  if (smsFits(text)) return text;
  let folded = "";
  for (const ch of text) {
    if (basic.has(ch) || extended.has(ch)) folded += ch;
    else if (LOOKALIKES[ch] !== undefined) folded += LOOKALIKES[ch];
    else {
      const bare = ch.normalize("NFD").replace(/\p{M}/gu, "");
      folded += bare.length > 0 && [...bare].every((c) => basic.has(c)) ? bare : ch;
    }
  }
  return smsLength(folded).encoding === "gsm-7" ? folded : text;
}
