// Every message in every language renders, fits two SMS segments with a long property
// name and a full-length link, and its email carries lang/dir, the link's own words and
// the unsubscribe link.
import { describe, expect, it } from "vitest";
import { GUEST_MESSAGE_KINDS, type MessageKind } from "../../domain/messages/kinds";
import { renderMessage, type RenderInput } from "../../domain/messages/render";
import { fitSms, smsLength } from "../../domain/messages/sms-length";
import { LANGUAGES } from "../../domain/languages";

// A 43-character token, as the check-in and stay links carry, under a 21-character origin;
// with a 20-character property name this is the budget README promises for two segments.
const LINK = `https://frontdoor.app/checkin/${"A".repeat(43)}`;
const base: Omit<RenderInput, "kind" | "channel" | "language"> = {
  propertyName: "Harbour House Suites",
  propertyPhone: "+44 20 7946 0000",
  timeZone: "Europe/London",
  arrivalDate: "2026-12-24",
  link: LINK,
  unsubscribeUrl: "https://checkin.harbourhouse.example/unsubscribe/xyz",
};
const KINDS: MessageKind[] = [...GUEST_MESSAGE_KINDS, "test"];
const CODE = { code: "482913", startsAt: Date.UTC(2026, 11, 24, 15), endsAt: Date.UTC(2026, 11, 27, 11) };

describe("SMS length", () => {
  it("counts GSM-7, its extension table and UCS-2", () => {
    expect(smsLength("a".repeat(160))).toEqual({ encoding: "gsm-7", units: 160, segments: 1 });
    expect(smsLength("a".repeat(161)).segments).toBe(2);
    expect(smsLength("€".repeat(80))).toEqual({ encoding: "gsm-7", units: 160, segments: 1 });
    expect(smsLength("é à ü Ñ").encoding).toBe("gsm-7");
    expect(smsLength("ç").encoding).toBe("ucs-2");
    expect(smsLength("ł".repeat(70)).segments).toBe(1);
    expect(smsLength("ł".repeat(71)).segments).toBe(2);
    expect(smsLength("ł".repeat(135)).segments).toBe(3);
  });

  it("drops accents GSM-7 lacks only from a Latin text that would not fit two segments", () => {
    expect(fitSms("Votre code est prêt")).toBe("Votre code est prêt");
    const long = `Votre code de porte est prêt, ça marche ! ${"x".repeat(120)}`;
    expect(fitSms(long)).toBe(`Votre code de porte est pret, ca marche ! ${"x".repeat(120)}`);
    const chinese = `您的门锁密码已就绪${"码".repeat(140)}`;
    expect(fitSms(chinese)).toBe(chinese);
  });
});

describe.each(LANGUAGES)("%s", (language) => {
  it.each(KINDS)("%s fits two SMS segments, with and without the code", (kind) => {
    for (const code of [undefined, CODE]) {
      const sms = renderMessage({ ...base, kind, language, channel: "sms", ...(code ? { code } : {}) });
      expect(sms.text).toContain(LINK);
      expect(sms.text).toContain(base.propertyName);
      expect(smsLength(sms.text).segments, sms.text).toBeLessThanOrEqual(2);
    }
  });

  it.each(KINDS)("%s email has lang, dir, link words, phone and unsubscribe", (kind) => {
    const email = renderMessage({ ...base, kind, language, channel: "email" });
    expect(email.subject).toContain(base.propertyName);
    expect(email.html).toMatch(new RegExp(`<html lang="${language}" dir="(ltr|rtl)">`));
    expect(email.html).toContain(`href="${LINK}"`);
    expect(email.html).not.toMatch(/>https?:/);
    expect(email.html).toContain(base.unsubscribeUrl);
    expect(email.text).toContain(LINK);
    expect(email.text).toContain(base.propertyPhone);
    expect(email.text).toContain(base.unsubscribeUrl);
  });

  it("puts the code in the door-code message only when given", () => {
    const without = renderMessage({ ...base, kind: "door-code", language, channel: "email" });
    const withCode = renderMessage({ ...base, kind: "door-code", language, channel: "email", code: CODE });
    expect(without.text).not.toContain(CODE.code);
    expect(withCode.text).toContain(CODE.code);
    expect(renderMessage({ ...base, kind: "door-code", language, channel: "sms", code: CODE }).text).toContain(
      CODE.code,
    );
  });
});

it("escapes the property's name in HTML", () => {
  const email = renderMessage({
    ...base,
    propertyName: "<b>Tom & Jerry's</b>",
    kind: "invitation",
    language: "en",
    channel: "email",
  });
  expect(email.html).toContain("&lt;b&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;");
  expect(email.html).not.toContain("<b>Tom");
});

it("writes Arabic right to left and French in French", () => {
  expect(renderMessage({ ...base, kind: "door-code", language: "ar", channel: "email" }).html).toContain('dir="rtl"');
  expect(renderMessage({ ...base, kind: "door-code", language: "fr", channel: "sms" }).text).toContain("code de porte");
});
