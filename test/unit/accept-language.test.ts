import { describe, expect, it } from "vitest";
import { languageFromAcceptLanguage } from "../../domain/accept-language";

describe("languageFromAcceptLanguage", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["fr-CA", "fr"],
    ["ZH-cn", "zh"],
    // Unsupported languages are skipped, as the client skips them in navigator.languages.
    ["tr-TR,tr;q=0.9,ar;q=0.8,en;q=0.5", "ar"],
    ["sv, fi", "en"],
    // Weight first, then the order given.
    ["en;q=0.4, ja;q=0.9, it", "it"],
    ["en;q=0.4, ja;q=0.9", "ja"],
    // q=0 means "not this one".
    ["pl;q=0, nl", "nl"],
    ["*", "en"],
    // A malformed weight is ignored, as browsers never send one.
    ["de;q=abc, es", "de"],
  ])("%s → %s", (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });

  it("reads only the start of an oversized header", () => {
    expect(languageFromAcceptLanguage(`${"xx;q=0.1,".repeat(100)}de`)).toBe("en");
    expect(languageFromAcceptLanguage(`pt,${"xx,".repeat(1000)}`)).toBe("pt");
  });
});
