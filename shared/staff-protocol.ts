// The desk's staff-management and account bodies, shared by the desk client and the
// main party. Separate from protocol.ts so the two can change independently.
import { z } from "zod/mini";
import { MAX_PASSWORD_LENGTH } from "../domain/password-policy";

const staffRole = z.enum(["staff", "manager"]);
const email = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email("Enter an email address, like name@example.com"));
const password = z.string().check(z.minLength(1, "Enter a password"), z.maxLength(MAX_PASSWORD_LENGTH));

export const staffInviteRequest = z.object({
  email,
  displayName: z
    .string()
    .check(z.trim(), z.minLength(1, "Enter their name"), z.maxLength(100, "Use at most 100 characters")),
  role: staffRole,
});
export type StaffInviteRequest = z.input<typeof staffInviteRequest>;

export const staffListEntry = z.object({
  staffId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: staffRole,
  active: z.boolean(),
});
export type StaffListEntry = z.infer<typeof staffListEntry>;

export const staffListResponse = z.object({ staff: z.array(staffListEntry) });
export type StaffListResponse = z.infer<typeof staffListResponse>;

/** A one-time set-password link, shown once to the manager to pass on. */
export const setPasswordLinkResponse = z.object({
  member: staffListEntry,
  link: z.string(),
  expiresAt: z.number(),
});
export type SetPasswordLinkResponse = z.infer<typeof setPasswordLinkResponse>;

export const setPasswordRequest = z.object({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, "This link is not complete")),
  password,
});
export type SetPasswordRequest = z.infer<typeof setPasswordRequest>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().check(z.minLength(1, "Enter your current password"), z.maxLength(MAX_PASSWORD_LENGTH)),
  newPassword: password,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const signInFailure = z.object({
  staffId: z.string(),
  email: z.string(),
  displayName: z.string(),
  at: z.number(),
  detail: z.nullable(z.string()),
});
export const signInFailuresResponse = z.object({ failures: z.array(signInFailure) });
export type SignInFailuresResponse = z.infer<typeof signInFailuresResponse>;

/** The set-password page reads the token from the fragment, which never reaches a server log. */
export const SET_PASSWORD_PATH = "/desk/set-password";
