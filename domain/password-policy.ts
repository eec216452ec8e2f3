// What a new staff password must be (NIST SP 800-63B / OWASP ASVS 2.1): long enough,
// not one of the passwords attackers try first, and not the account's own email. No
// composition rules: they push people to predictable patterns without adding strength.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The most common passwords of at least 12 characters in public breach lists, plus
 * the product's own name and demo password: the first ones any guessing script sends.
 */
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789123",
  "111111111111",
  "000000000000",
  "123123123123",
  "qwertyuiopasdfghjkl",
  "qwertyuiop12",
  "qwerty123456",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "password1234",
  "password12345",
  "password123456",
  "passwordpassword",
  "iloveyou1234",
  "abc123456789",
  "abcdefghijkl",
  "aaaaaaaaaaaa",
  "welcome12345",
  "letmein12345",
  "changeme1234",
  "administrator",
  "admin1234567",
  "trustno1trustno1",
  "football1234",
  "baseball1234",
  "sunshine1234",
  "princess1234",
  "monkey123456",
  "superman1234",
  "frontdoor123",
  "frontdoor1234",
  "frontdoor-admin",
  "hotel1234567",
  "reception123",
  "reception1234",
]);

export type PasswordProblem = "too_short" | "too_long" | "too_common" | "contains_email";

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return "too_common";
  const mailbox = email?.split("@")[0]?.toLowerCase();
  if (mailbox && mailbox.length >= 4 && lower.includes(mailbox)) return "contains_email";
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters`,
  too_long: `Use at most ${MAX_PASSWORD_LENGTH} characters`,
  too_common: "This password is too common. Choose one that is harder to guess",
  contains_email: "Your password must not contain your email address",
};
