// The language the server can tell from a request: the first of the browser's languages
// (by Accept-Language weight, then order) that the check-in speaks. The client picks the
// same way from navigator.languages, which is what browsers send in that header, so a
// page prerendered in this language is the one the client renders unless the guest chose
// another on this device.
import { LANGUAGES, type Language } from "./languages";

/** Longer headers are not from a browser; a prefix is enough to choose. */
const MAX_HEADER = 512;

export function languageFromAcceptLanguage(header: string | null | undefined): Language {
  if (!header) return "en";
  const ranges = header
    .slice(0, MAX_HEADER)
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q), order };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { base } of ranges) if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  return "en";
}
