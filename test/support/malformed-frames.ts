// Malformed websocket frames for the fuzz: broken JSON, wrong shapes, hostile keys,
// oversized text and binary. Seeded, so a failure names a frame that can be replayed.
// Every frame is checked against the real schema: nothing valid slips in.
import { MAX_MESSAGE_BYTES } from "../../shared/protocol/common";
import { clientMessage } from "../../shared/protocol/guest-socket";

export type Frame = string | Buffer;

/** mulberry32: small, fast, good enough to vary test input. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = [
  "\u0000",
  "\u202E",
  "\uFFFF",
  "\uD800",
  "😀",
  "'; drop table guest; --",
  "<script>alert(1)</script>",
  "%00",
  "\\",
  '"',
];

export function malformedFrame(random: () => number): Frame {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const junk = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(JUNK)).join("");
  const valid = pick([
    { type: "details", details: { fullName: "Ada Lovelace", phone: "07700 900123" } },
    { type: "parking", parking: { hasCar: true, registration: "AB12CDE" } },
    { type: "edit", step: "details" },
  ]);
  const text = JSON.stringify(valid);
  const kinds: (() => Frame)[] = [
    () => text.slice(0, Math.floor(random() * (text.length - 1))),
    () => text.replace(pick([":", ",", "{", "}", '"']), ""),
    () => JSON.stringify({ ...valid, type: pick(["Details", "confirm ", "", "__proto__", "constructor", junk()]) }),
    () =>
      JSON.stringify({ type: "details", details: { fullName: pick([null, 42, [], {}, true]), phone: "07700 900123" } }),
    () => JSON.stringify({ type: "details", details: { fullName: "x".repeat(201), phone: "1" } }),
    () => JSON.stringify({ type: "parking", parking: { hasCar: pick(["yes", 1, null]), registration: junk() } }),
    () => JSON.stringify({ type: "edit", step: pick(["confirm", "completed", "lookup", junk()]) }),
    () => `{"__proto__":{"polluted":true},"type":"details","details":{"__proto__":{"fullName":"x"}}}`,
    () => `{"constructor":{"prototype":{"polluted":true}},"type":"parking"}`,
    () => "[".repeat(1 + Math.floor(random() * 5000)),
    () => "[".repeat(3000) + "]".repeat(3000),
    () => pick(["", " ", "null", "true", "0", "-1e999", "[]", "{}", '"details"', "NaN", "undefined"]),
    () => JSON.stringify([valid]),
    () => JSON.stringify({ type: pick([1, null, [], {}]) }),
    () => `{"type":"details","details":{"fullName":"${"9".repeat(400)}","phone":${"9".repeat(400)}}}`,
    () => "x".repeat(MAX_MESSAGE_BYTES + 1 + Math.floor(random() * 1000)),
    () =>
      JSON.stringify({ type: "details", details: { fullName: "é".repeat(MAX_MESSAGE_BYTES / 2 + 10), phone: "1" } }),
    () => Buffer.from(Array.from({ length: 1 + Math.floor(random() * 256) }, () => Math.floor(random() * 256))),
    () => Buffer.from(text),
    () => junk(),
  ];
  for (;;) {
    const frame = pick(kinds)();
    if (typeof frame !== "string") return frame;
    let parsed: unknown;
    try {
      parsed = JSON.parse(frame);
    } catch {
      return frame;
    }
    if (!clientMessage.safeParse(parsed).success) return frame;
  }
}
