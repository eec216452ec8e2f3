import { describe, expect, it } from "vitest";
import { normalisePhone, validateDetails, validateParking } from "../../domain/guest-details";

describe("guest details", () => {
  it.each([
    ["07700 900123", "GB", "+447700900123"],
    ["+44 7700 900123", "GB", "+447700900123"],
    ["(0)7700-900-123", "GB", "+447700900123"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["+1 212 555 0123", "GB", "+12125550123"],
    ["12345", "GB", null],
    ["0770090012345678", "GB", null],
    ["call me", "GB", null],
  ])("normalises %s (%s) to %s", (raw, region, expected) => {
    expect(normalisePhone(raw, region)).toBe(expected);
  });

  it("requires a name and phone, allows no email, and rejects a bad one", () => {
    expect(validateDetails({ fullName: " ", phone: "" })).toEqual({
      ok: false,
      fields: { fullName: "name_required", phone: "phone_required" },
    });
    expect(validateDetails({ fullName: "Ada", phone: "07700900123", email: "" })).toEqual({
      ok: true,
      value: { fullName: "Ada", phoneE164: "+447700900123", email: null },
    });
    const bad = validateDetails({ fullName: "Ada", phone: "07700900123", email: "ada@" });
    expect(bad.ok).toBe(false);
  });

  it("parking: no car needs no registration; a car needs a plausible one", () => {
    expect(validateParking({ hasCar: false, registration: "ignored" })).toEqual({
      ok: true,
      value: { hasCar: false, registration: null },
    });
    expect(validateParking({ hasCar: true, registration: " lv-70 abc " })).toEqual({
      ok: true,
      value: { hasCar: true, registration: "LV70ABC" },
    });
    expect(validateParking({ hasCar: true, registration: "X" }).ok).toBe(false);
    expect(validateParking({ hasCar: true, registration: "ABCDEFGHIJK" }).ok).toBe(false);
  });
});
