// Turns a message kind and a language into the words sent: plain text and simple HTML
// for email (lang and dir set, the link as real words, the unsubscribe link in the
// footer), one short text for SMS.
import type { Language } from "../languages";
import type { Channel, MessageKind } from "./kinds";
import { fitSms } from "./sms-length";
import { MESSAGE_STRINGS } from "./strings/index";
import { emailParagraphs, fillPlaceholders, kindStrings, needsCode, type Wording } from "./wording";

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
  /** The property's own wording for this kind and language; without it, the built-in words. */
  wording?: Wording;
}

export interface Rendered {
  subject: string | null;
  text: string;
  html: string | null;
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
  const arrival = formatArrival(input.arrivalDate, t.locale, input.channel === "sms");
  const code = input.code
    ? {
        code: input.code.code,
        from: formatInstant(input.code.startsAt, t.locale, input.timeZone),
        until: formatInstant(input.code.endsAt, t.locale, input.timeZone),
      }
    : undefined;
  const vars = { property: input.propertyName, arrival, link: input.link, ...(code ? { code } : {}) };
  const words = kindStrings(t, input.kind);
  // A wording that names the code falls back to the built-in words when there is no code to give.
  const own = input.kind !== "test" && input.wording && (code || !needsCode(input.wording)) ? input.wording : null;
  const fill = (template: string) =>
    fillPlaceholders(template, {
      property: input.propertyName,
      arrival,
      link: input.link,
      phone: input.propertyPhone,
      ...code,
    });
  if (input.channel === "sms")
    return { subject: null, text: fitSms(own ? fill(own.sms) : words.sms(vars)), html: null };
  const paragraphs = own ? emailParagraphs(fill(own.body)) : [t.greeting, ...words.email(vars)];
  const subject = own ? fill(own.subject) : words.subject(vars);
  const phone = t.phoneLine(input.propertyName, input.propertyPhone);
  const text = [
    ...paragraphs,
    `${words.linkText}: ${input.link}`,
    phone,
    ...(input.unsubscribeUrl ? [`${t.unsubscribe}: ${input.unsubscribeUrl}`] : []),
  ].join("\n\n");
  // Text typed by staff is escaped like every other value; its single line breaks stay line breaks.
  const p = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const html = [
    `<!doctype html><html lang="${t.lang}" dir="${t.dir}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5;max-width:36em">`,
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
