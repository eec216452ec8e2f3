// A property's own wording for one message kind in one language: three templates
// (subject, email body, SMS) with {placeholders}. The system always adds the link's
// button, the property's name and phone, and the unsubscribe link to emails, so no
// wording can take them away; an SMS must carry {property} and {link} itself.
import type { Language } from "../languages";
import type { GuestMessageKind } from "./kinds";
import { smsLength } from "./sms-length";
import { MESSAGE_STRINGS } from "./strings/index";
import type { KindStrings, MessageStrings } from "./strings/en";

export interface Wording {
  subject: string;
  /** The email's words before the link: paragraphs separated by a blank line, greeting included. */
  body: string;
  sms: string;
}
export type WordingField = keyof Wording;

export const WORDING_MAX_CHARS: Record<WordingField, number> = { subject: 150, body: 2000, sms: 480 };

export const PLACEHOLDERS = ["property", "arrival", "link", "phone", "code", "from", "until"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/** The door code and its window exist only in the door-code message, and only where codes travel in messages. */
const CODE_PLACEHOLDERS: readonly Placeholder[] = ["code", "from", "until"];
const SMS_REQUIRED: readonly Placeholder[] = ["property", "link"];

export function placeholdersFor(kind: GuestMessageKind): Placeholder[] {
  return PLACEHOLDERS.filter((p) => kind === "door-code" || !CODE_PLACEHOLDERS.includes(p));
}

export function kindStrings(t: MessageStrings, kind: GuestMessageKind | "test"): KindStrings {
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

/** The built-in words as a template, so the editor starts from what guests get today. */
export function standardWording(kind: GuestMessageKind, language: Language, withCode: boolean): Wording {
  const t = MESSAGE_STRINGS[language];
  const words = kindStrings(t, kind);
  const vars = {
    property: "{property}",
    arrival: "{arrival}",
    link: "{link}",
    ...(withCode ? { code: { code: "{code}", from: "{from}", until: "{until}" } } : {}),
  };
  return { subject: words.subject(vars), body: [t.greeting, ...words.email(vars)].join("\n\n"), sms: words.sms(vars) };
}

const TOKEN = /\{([^{}]*)\}/g;

/** The placeholder names a template uses, in order, repeats included. */
export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => m[1]!);
}

export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(TOKEN, (whole, name: string) => values[name as Placeholder] ?? whole);
}

/** A template that names the code cannot be used for a message that has none. */
export function needsCode(w: Wording): boolean {
  return [w.subject, w.body, w.sms].some((t) => placeholdersIn(t).some((p) => CODE_PLACEHOLDERS.includes(p as never)));
}

export function emailParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Carriage returns become plain newlines; the rest of each field is kept as typed. */
export function normaliseWording(w: Wording): Wording {
  const clean = (s: string) => s.replace(/\r\n?/g, "\n");
  return { subject: clean(w.subject).trim(), body: clean(w.body).trim(), sms: clean(w.sms).trim() };
}

export interface WordingContext {
  kind: GuestMessageKind;
  /** Whether the property puts door codes in messages (where {code} means anything). */
  codesInMessages: boolean;
  /** The SMS as it would go out with this property's name and a real-length link. */
  renderSms: (template: string) => string;
}

const FIELD_NAMES: Record<WordingField, string> = { subject: "subject", body: "email text", sms: "SMS" };
const listOf = (names: readonly string[]) => names.map((n) => `{${n}}`).join(", ");
// Tabs and newlines aside, control characters have no place in a message.
const hasControl = (s: string) =>
  [...s].some((ch) => {
    const c = ch.codePointAt(0)!;
    return (c < 32 && ch !== "\n" && ch !== "\t") || c === 127;
  });

/** Everything wrong with a wording, one plain sentence per field (GOV.UK style); empty if it can be saved. */
export function wordingProblems(raw: Wording, ctx: WordingContext): Partial<Record<WordingField, string>> {
  const w = normaliseWording(raw);
  const allowed = placeholdersFor(ctx.kind);
  const problems: Partial<Record<WordingField, string>> = {};
  for (const field of ["subject", "body", "sms"] as const) {
    const problem = fieldProblem(field, w[field], allowed, ctx);
    if (problem) problems[field] = problem;
  }
  if (!problems.sms) {
    const length = smsLength(ctx.renderSms(w.sms));
    if (length.segments > 2) {
      const perTwo = length.encoding === "gsm-7" ? 306 : 134;
      problems.sms =
        `The SMS takes ${length.segments} segments with this property's name and a real link; ` +
        `it must fit in 2. Shorten it by at least ${length.units - perTwo} characters.`;
    }
  }
  return problems;
}

function fieldProblem(
  field: WordingField,
  value: string,
  allowed: readonly Placeholder[],
  ctx: WordingContext,
): string | null {
  const name = FIELD_NAMES[field];
  if (value.length === 0) return `Enter the ${name}`;
  if (value.length > WORDING_MAX_CHARS[field]) {
    return `The ${name} must be ${WORDING_MAX_CHARS[field]} characters or fewer (it has ${value.length})`;
  }
  if (hasControl(value) || (field === "subject" && value.includes("\n"))) {
    return field === "subject"
      ? "The subject must be one line of text"
      : `The ${name} has a character that cannot be sent`;
  }
  const used = placeholdersIn(value);
  const unknown = used.find((p) => !allowed.includes(p as Placeholder));
  if (unknown !== undefined) {
    return `The ${name} uses {${unknown}}, which is not a placeholder here. You can use ${listOf(allowed)}`;
  }
  if (value.replace(TOKEN, "").match(/[{}]/)) {
    return `The ${name} has a { or } that is not part of a placeholder. Use braces only around ${listOf(allowed)}`;
  }
  if (!ctx.codesInMessages) {
    const code = used.find((p) => CODE_PLACEHOLDERS.includes(p as Placeholder));
    if (code !== undefined) {
      return (
        `The ${name} uses {${code}}, but this property does not put door codes in messages. ` +
        `Turn on "Put the door code itself in messages" first, or remove {${code}}`
      );
    }
  }
  if (field === "sms") {
    const missing = SMS_REQUIRED.find((p) => !used.includes(p));
    if (missing === "link") return "The SMS must include {link}: it is the only way the guest reaches their page";
    if (missing === "property") return "The SMS must include {property} so the guest knows who it is from";
  }
  return null;
}
