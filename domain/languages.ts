// The languages a guest can read the check-in in. The room keeps the guest's choice and
// the desk shows it; the words themselves live in client/i18n/.
export const LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "zh", "ja", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];
