// zod/mini ships no messages ("Invalid input" for everything); classic zod installs
// English on first use. Entry points call this so field messages read alike wherever
// the schemas run, including a browser or a test that never loads classic zod. A
// locale chosen explicitly elsewhere still wins. The guest wizard does not call it:
// guests see codes worded in their own language, so the desk's chunk installs it instead.
import { z } from "zod/mini";
import { en } from "zod/locales";

export function useEnglishZodMessages(): void {
  if (!z.config().localeError) z.config(en());
}
