// How a guest is told where a message went without the page becoming a way to read a
// booking's contact details: enough to recognise one's own address, not to learn someone's.
import type { Channel } from "./messages/kinds";

const DOT = "\u2022";

/** "kate@example.com" → "k•••@example.com": the first character and the domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return `${DOT.repeat(3)}`;
  const first = [...address.slice(0, at)][0] ?? "";
  return `${first}${DOT.repeat(3)}@${address.slice(at + 1)}`;
}

/** "+447700900123" → "•••• 0123": the last four digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `${DOT.repeat(4)} ${digits.slice(-4)}`;
}

export function maskContact(channel: Channel, address: string): string {
  return channel === "email" ? maskEmail(address) : maskPhone(address);
}
