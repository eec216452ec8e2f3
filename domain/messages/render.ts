// Turns a message kind and a language into the words sent: plain text and simple HTML
// for email (lang and dir set, the link as real words, the unsubscribe link in the
// footer), one short text for SMS.
import type { Language } from "../languages";
import type { Channel, MessageKind } from "./kinds";
import type { KindStrings, MessageStrings } from "./strings/en";
import { fitSms } from "./sms-length";
import { MESSAGE_STRINGS } from "./strings/index";

export interface RenderInput {
  kind: MessageKind;
  channel: Channel;
  language: Language;
  propertyName: string;
  propertyPhone: string;
  timeZone: string;
  /** YYYY-MM-DD */
  arrivalDate: string;
  link: string;
  code?: { code: string; startsAt: number; endsAt: number };
  unsubscribeUrl?: string;
}

export interface Rendered {
  subject: string | null;
  text: string;
  html: string | null;
}

function kindStrings(t: MessageStrings, kind: MessageKind): KindStrings {
  switch (kind) {
    case "invitation":
      return t.invitation;
    case "reminder":
      return t.reminder;
    case "door-code":
      return t.doorCode;
    case "code-confirmed":
      return t.codeConfirmed;
    case "test":
      return t.test;
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** With the weekday in an email; day and month only where an SMS counts characters. */
export function formatArrival(date: string, locale: string, short = false): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const weekday = short ? {} : { weekday: "short" as const };
  return new Intl.DateTimeFormat(locale, { ...weekday, day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}

function formatInstant(instant: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(new Date(instant));
}

export function renderMessage(input: RenderInput): Rendered {
  const t = MESSAGE_STRINGS[input.language];
  const words = kindStrings(t, input.kind);
  const vars = {
    property: input.propertyName,
    arrival: formatArrival(input.arrivalDate, t.locale, input.channel === "sms"),
    link: input.link,
    ...(input.code
      ? {
          code: {
            code: input.code.code,
            from: formatInstant(input.code.startsAt, t.locale, input.timeZone),
            until: formatInstant(input.code.endsAt, t.locale, input.timeZone),
          },
        }
      : {}),
  };
  if (input.channel === "sms") return { subject: null, text: fitSms(words.sms(vars)), html: null };
  const paragraphs = words.email(vars);
  const phone = t.phoneLine(input.propertyName, input.propertyPhone);
  const text = [
    t.greeting,
    ...paragraphs,
    `${words.linkText}: ${input.link}`,
    phone,
    ...(input.unsubscribeUrl ? [`${t.unsubscribe}: ${input.unsubscribeUrl}`] : []),
  ].join("\n\n");
  const subject = words.subject(vars);
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${t.lang}" dir="${t.dir}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5;max-width:36em">`,
    p(t.greeting),
    ...paragraphs.map(p),
    `<p><a href="${escapeHtml(input.link)}" style="font-weight:bold">${escapeHtml(words.linkText)}</a></p>`,
    p(phone),
    input.unsubscribeUrl
      ? `<p style="font-size:14px"><a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></p>`
      : "",
    "</body></html>",
  ].join("");
  return { subject, text, html };
}
