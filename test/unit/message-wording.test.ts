// A property's own wording: the placeholders it may use, what it must keep, how long it
// may be, and that the sender's render path uses it (escaped in HTML, footer and
// unsubscribe link always added). The built-in words, read back as a template, render
// exactly as before in every language, so the editor's starting point is what guests get.
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../domain/languages";
import { GUEST_MESSAGE_KINDS, type GuestMessageKind } from "../../domain/messages/kinds";
import { renderMessage, type RenderInput } from "../../domain/messages/render";
import {
  fillPlaceholders,
  placeholdersFor,
  standardWording,
  type Wording,
  type WordingContext,
  wordingProblems,
} from "../../domain/messages/wording";

const LINK = `https://frontdoor.app/checkin/${"A".repeat(43)}`;
const base: Omit<RenderInput, "kind" | "channel" | "language"> = {
  propertyName: "Harbour House Suites",
  propertyPhone: "+44 20 7946 0000",
  timeZone: "Europe/London",
  arrivalDate: "2026-12-24",
  link: LINK,
  unsubscribeUrl: "https://checkin.harbourhouse.example/unsubscribe/xyz",
};
const CODE = { code: "482913", startsAt: Date.UTC(2026, 11, 24, 15), endsAt: Date.UTC(2026, 11, 27, 11) };

function ctx(kind: GuestMessageKind, codesInMessages = false): WordingContext {
  return {
    kind,
    codesInMessages,
    renderSms: (sms) =>
      renderMessage({
        ...base,
        kind,
        channel: "sms",
        language: "en",
        wording: { subject: "s", body: "b", sms },
        ...(codesInMessages ? { code: CODE } : {}),
      }).text,
  };
}
const good: Wording = {
  subject: "Your stay at {property} on {arrival}",
  body: "Hi there,\n\nWe look forward to seeing you on {arrival}.\nCall {phone} any time.",
  sms: "{property}: check in before {arrival}: {link}",
};

describe("wording validation", () => {
  it("accepts a wording that uses only its kind's placeholders and keeps {property} and {link} in the SMS", () => {
    for (const kind of GUEST_MESSAGE_KINDS) expect(wordingProblems(good, ctx(kind))).toEqual({});
  });

  it("names an unknown placeholder and lists the ones allowed", () => {
    const problems = wordingProblems({ ...good, subject: "Welcome {guest}" }, ctx("invitation"));
    expect(problems.subject).toBe(
      "The subject uses {guest}, which is not a placeholder here. You can use {property}, {arrival}, {link}, {phone}",
    );
  });

  it("allows the code and its window only in the door-code message, and only where codes travel in messages", () => {
    const withCode = { ...good, sms: "{property}: code {code} from {from} to {until}. {link}" };
    expect(placeholdersFor("invitation")).not.toContain("code");
    expect(wordingProblems(withCode, ctx("invitation")).sms).toMatch(/uses \{code\}, which is not a placeholder/);
    expect(wordingProblems(withCode, ctx("door-code", false)).sms).toMatch(/does not put door codes in messages/);
    expect(wordingProblems(withCode, ctx("door-code", true))).toEqual({});
  });

  it("requires {link} and {property} in the SMS but not in the email, which adds both itself", () => {
    expect(wordingProblems({ ...good, sms: "{property}: check in online" }, ctx("invitation")).sms).toBe(
      "The SMS must include {link}: it is the only way the guest reaches their page",
    );
    expect(wordingProblems({ ...good, sms: "Check in: {link}" }, ctx("reminder")).sms).toBe(
      "The SMS must include {property} so the guest knows who it is from",
    );
    expect(wordingProblems({ ...good, subject: "Hello", body: "Welcome." }, ctx("invitation"))).toEqual({});
  });

  it("refuses empty fields, stray braces, a two-line subject, control characters and over-long text", () => {
    const problems = wordingProblems(
      { subject: " ", body: "Price {5", sms: "{property} {link} \u0007" },
      ctx("invitation"),
    );
    expect(problems).toEqual({
      subject: "Enter the subject",
      body: expect.stringMatching(/has a \{ or \} that is not part of a placeholder/),
      sms: "The SMS has a character that cannot be sent",
    });
    expect(wordingProblems({ ...good, subject: "One\nTwo" }, ctx("invitation")).subject).toBe(
      "The subject must be one line of text",
    );
    expect(wordingProblems({ ...good, body: "x".repeat(2001) }, ctx("invitation")).body).toBe(
      "The email text must be 2000 characters or fewer (it has 2001)",
    );
  });

  it("says how many segments an SMS takes with the real name and link, and by how much to shorten it", () => {
    const sms = `{property}: ${"a".repeat(200)} {link}`;
    // 20 + 2 + 200 + 1 + 73 = 296 septets fit two segments; 40 more take three.
    expect(wordingProblems({ ...good, sms }, ctx("invitation"))).toEqual({});
    const long = `{property}: ${"a".repeat(240)} {link}`;
    expect(wordingProblems({ ...good, sms: long }, ctx("invitation")).sms).toBe(
      "The SMS takes 3 segments with this property's name and a real link; it must fit in 2. " +
        "Shorten it by at least 30 characters.",
    );
    const ucs2 = `{property}: ${"ł".repeat(40)} {link}`;
    expect(wordingProblems({ ...good, sms: ucs2 }, ctx("invitation")).sms).toMatch(/takes 3 segments.*by at least 2 /);
  });
});

describe("rendering with a wording", () => {
  it("fills every placeholder and leaves no braces", () => {
    expect(fillPlaceholders("{property} {arrival} {link}", { property: "P", arrival: "A", link: "L" })).toBe("P A L");
  });

  it("uses the wording in the email, escapes it in HTML and always adds the link, phone and unsubscribe link", () => {
    const wording = { ...good, body: 'Hi <b>"friend"</b> & co,\n\nSee you on {arrival}.\nRing {phone}.' };
    const r = renderMessage({ ...base, kind: "invitation", channel: "email", language: "en", wording });
    expect(r.subject).toBe("Your stay at Harbour House Suites on Thu 24 Dec");
    expect(r.text).toBe(
      [
        'Hi <b>"friend"</b> & co,',
        "See you on Thu 24 Dec.\nRing +44 20 7946 0000.",
        `Check in online: ${LINK}`,
        "Questions? Call Harbour House Suites on +44 20 7946 0000.",
        "Stop these emails: https://checkin.harbourhouse.example/unsubscribe/xyz",
      ].join("\n\n"),
    );
    expect(r.html).toContain("<p>Hi &lt;b&gt;&quot;friend&quot;&lt;/b&gt; &amp; co,</p>");
    expect(r.html).toContain("<p>See you on Thu 24 Dec.<br>Ring +44 20 7946 0000.</p>");
    expect(r.html).not.toContain("<b>");
    expect(r.html).toContain(`<a href="${LINK}" style="font-weight:bold">Check in online</a>`);
    expect(r.html).toContain("Questions? Call Harbour House Suites on +44 20 7946 0000.");
    expect(r.html).toContain('<a href="https://checkin.harbourhouse.example/unsubscribe/xyz">Stop these emails</a>');
  });

  it("uses the wording in the SMS with the short arrival date", () => {
    const r = renderMessage({ ...base, kind: "invitation", channel: "sms", language: "en", wording: good });
    expect(r.text).toBe(`Harbour House Suites: check in before 24 Dec: ${LINK}`);
  });

  it("falls back to the built-in words when a wording names the code and the message has none", () => {
    const wording = { ...good, sms: "{property}: code {code}. {link}" };
    const sms = (code?: typeof CODE) =>
      renderMessage({ ...base, kind: "door-code", channel: "sms", language: "en", wording, ...(code ? { code } : {}) })
        .text;
    expect(sms(CODE)).toBe(`Harbour House Suites: code 482913. ${LINK}`);
    expect(sms()).toBe(`Harbour House Suites: you are checked in. Your door code: ${LINK}`);
  });

  it("renders the built-in words, read back as a wording, exactly as before in every language", () => {
    for (const language of LANGUAGES) {
      for (const kind of GUEST_MESSAGE_KINDS) {
        for (const code of kind === "door-code" ? [undefined, CODE] : [undefined]) {
          const wording = standardWording(kind, language, code !== undefined);
          expect(wordingProblems(wording, ctx(kind, code !== undefined)), `${kind} ${language}`).toEqual({});
          for (const channel of ["email", "sms"] as const) {
            const input = { ...base, kind, channel, language, ...(code ? { code } : {}) };
            expect(renderMessage({ ...input, wording }), `${kind} ${language} ${channel}`).toEqual(
              renderMessage(input),
            );
          }
        }
      }
    }
  });
});
