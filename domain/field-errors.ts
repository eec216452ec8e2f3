// Why a form field was refused. Codes, not sentences, leave the domain so every client
// words them from its own string table (client/i18n), in the guest's language.

export const FIELD_ERROR_CODES = [
  "name_required",
  "name_too_long",
  "phone_required",
  "phone_invalid",
  "email_invalid",
  "registration_required",
  "registration_invalid",
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
