// The words of every guest message in English; each other language is a file beside
// this one typed by it, so a missing sentence fails the typecheck. SMS texts must fit
// two segments in every language (test/unit/message-templates.test.ts), so they carry
// the property's name and the link; emails add the property's phone.
import type { Language } from "../../languages";

export interface MessageVars {
  property: string;
  /** The arrival date, already written in the language. */
  arrival: string;
  /** The check-in link (invitation, reminder) or the stay link (door code). */
  link: string;
  /** The door code and its window, only where the property allows codes in messages. */
  code?: { code: string; from: string; until: string };
}

export interface KindStrings {
  subject: (v: MessageVars) => string;
  /** Paragraphs of the email, before the link. */
  email: (v: MessageVars) => string[];
  /** The link's own words in the email (never "click here"). */
  linkText: string;
  sms: (v: MessageVars) => string;
}

const en = {
  lang: "en" as Language,
  dir: "ltr" as "ltr" | "rtl",
  locale: "en-GB",
  greeting: "Hello,",
  phoneLine: (property: string, phone: string) => `Questions? Call ${property} on ${phone}.`,
  unsubscribe: "Stop these emails",
  invitation: {
    subject: (v) => `Check in online for your stay at ${v.property}`,
    email: (v) => [
      `Thank you for booking ${v.property}. You arrive on ${v.arrival}.`,
      "Check in online before you arrive: it takes about two minutes, and your door code will be ready when you get here.",
    ],
    linkText: "Check in online",
    sms: (v) => `${v.property}: check in online before you arrive on ${v.arrival}: ${v.link}`,
  } satisfies KindStrings,
  reminder: {
    subject: (v) => `You arrive tomorrow: check in online for ${v.property}`,
    email: (v) => [
      `You arrive at ${v.property} on ${v.arrival} and have not checked in yet.`,
      "Check in online now so your door code is ready. If you started already, you carry on where you stopped.",
    ],
    linkText: "Finish checking in",
    sms: (v) => `${v.property}: you arrive ${v.arrival}. Check in online now: ${v.link}`,
  } satisfies KindStrings,
  doorCode: {
    subject: (v) => `Your door code for ${v.property}`,
    email: (v) => [
      `You are checked in at ${v.property}.`,
      v.code
        ? `Your door code is ${v.code.code}. It opens the doors from ${v.code.from} until ${v.code.until}.`
        : "Your door code is on your stay page.",
    ],
    linkText: "Open your stay page",
    sms: (v) =>
      v.code
        ? `${v.property}: your door code is ${v.code.code}, from ${v.code.from} to ${v.code.until}. ${v.link}`
        : `${v.property}: you are checked in. Your door code: ${v.link}`,
  } satisfies KindStrings,
  codeConfirmed: {
    subject: (v) => `Your door code is ready at ${v.property}`,
    email: (v) => [`The door locks at ${v.property} have confirmed your code. It is ready for your arrival.`],
    linkText: "Open your stay page",
    sms: (v) => `${v.property}: the door has confirmed your code. It is ready. ${v.link}`,
  } satisfies KindStrings,
  test: {
    subject: (v) => `Test message from ${v.property}`,
    email: (v) => [`This is a test of ${v.property}'s guest messages. Guests see the link below as their own.`],
    linkText: "Open Frontdoor",
    sms: (v) => `${v.property}: test message from Frontdoor. ${v.link}`,
  } satisfies KindStrings,
};

export type MessageStrings = typeof en;
export default en;
