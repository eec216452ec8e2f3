// Guests from everywhere: names in any script, phones read in the guest's chosen
// country, and the registration plates of European countries.
import { describe, expect, it } from "vitest";
import { validateDetails, validateParking } from "../../domain/guest-details";

const phone = { phone: "07700 900123", phoneCountry: "GB" };

describe("names of the world", () => {
  it.each([
    "José María Fernández de la Peña",
    "Zoë Ångström-Ødegård",
    "王小明",
    "山田 太郎",
    "محمد بن عبد الله",
    "Łukasz Żółkiewski",
    "Nguyễn Thị Minh Khai",
    "Madonna",
  ])("accepts %s as it is written", (fullName) => {
    const result = validateDetails({ ...phone, fullName });
    expect(result).toMatchObject({ ok: true, value: { fullName } });
  });

  it("counts characters, not UTF-16 units, against the 120 limit", () => {
    const rare = "𠀋".repeat(120); // each is two UTF-16 units
    expect(validateDetails({ ...phone, fullName: rare }).ok).toBe(true);
    expect(validateDetails({ ...phone, fullName: `${rare}𠀋` })).toMatchObject({
      ok: false,
      fields: { fullName: "name_too_long" },
    });
  });
});

describe("phones read in the chosen country", () => {
  it.each([
    ["ES", "612 34 56 78", "+34612345678"],
    ["FR", "06 12 34 56 78", "+33612345678"],
    ["DE", "0151 23456789", "+4915123456789"],
    ["JP", "090-1234-5678", "+819012345678"],
    ["PL", "512 345 678", "+48512345678"],
  ])("%s %s becomes %s", (phoneCountry, raw, e164) => {
    expect(validateDetails({ fullName: "A Guest", phone: raw, phoneCountry })).toMatchObject({
      ok: true,
      value: { phoneE164: e164 },
    });
  });
});

describe("European registration plates", () => {
  it.each([
    ["M-AB 1234", "MAB1234"], // Germany
    ["mü-xy 12", "MÜXY12"], // Germany, with an umlaut district
    ["1234 BCD", "1234BCD"], // Spain
    ["AB-123-CD", "AB123CD"], // France
    ["AB 123 CD", "AB123CD"], // Italy
    ["12-ABC-3", "12ABC3"], // Netherlands
    ["WA 12345", "WA12345"], // Poland
    ["W-12345 X", "W12345X"], // Austria
    ["AA-00-AA", "AA00AA"], // Portugal
    ["ZH 123456", "ZH123456"], // Switzerland
    ["1-ABC-123", "1ABC123"], // Belgium
    ["191-D-12345", "191D12345"], // Ireland
  ])("accepts %s as %s", (typed, stored) => {
    expect(validateParking({ hasCar: true, registration: typed })).toEqual({
      ok: true,
      value: { hasCar: true, registration: stored },
    });
  });

  it("still refuses junk and plates longer than any country issues", () => {
    expect(validateParking({ hasCar: true, registration: "AB#12" }).ok).toBe(false);
    expect(validateParking({ hasCar: true, registration: "ABCDEFGHIJK" }).ok).toBe(false);
  });
});
