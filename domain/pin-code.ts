// Door PINs: 6 digits, drawn with rejection sampling so every code is equally likely,
// and skipping codes a person could guess at the keypad.
const PIN_LENGTH = 6;

export function isGuessablePin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

/** @param randomUint32 source of uniform 32-bit integers (crypto.getRandomValues in production). */
export function generatePin(randomUint32: () => number): string {
  const range = 10 ** PIN_LENGTH;
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  for (;;) {
    const n = randomUint32();
    if (n >= limit) continue;
    const pin = String(n % range).padStart(PIN_LENGTH, "0");
    if (!isGuessablePin(pin)) return pin;
  }
}
