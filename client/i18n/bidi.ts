/**
 * Wraps a reference, code or number in a left-to-right isolate (the text form of
 * `<bdi dir="ltr">`) so it reads in order inside an Arabic sentence.
 */
export function ltr(value: string): string {
  return `\u2066${value}\u2069`;
}
