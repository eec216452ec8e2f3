// The Staff, Account and set-password pages' HTTP calls, through the desk's one fetch helper.
import { z } from "zod/mini";
import {
  setPasswordLinkResponse,
  signInFailuresResponse,
  staffListResponse,
  type StaffInviteRequest,
} from "../../shared/staff-protocol";
import { call } from "./api";

const ok = z.looseObject({ ok: z.literal(true) });
const passwordSet = z.object({ ok: z.literal(true), email: z.string() });
const id = (staffId: string) => encodeURIComponent(staffId);

export const staffApi = {
  list: () => call("/staff", staffListResponse),
  invite: (body: StaffInviteRequest) => call("/staff/invite", setPasswordLinkResponse, { method: "POST", body }),
  resetPassword: (staffId: string) =>
    call(`/staff/${id(staffId)}/reset-password`, setPasswordLinkResponse, { method: "POST" }),
  deactivate: (staffId: string) => call(`/staff/${id(staffId)}/deactivate`, ok, { method: "POST" }),
  signInFailures: () => call("/sign-in-failures", signInFailuresResponse),
  changePassword: (currentPassword: string, newPassword: string) =>
    call("/account/password", ok, { method: "POST", body: { currentPassword, newPassword } }),
  // Signed out by nature: a 401 here must not bounce the reader to sign-in.
  setPassword: (token: string, password: string) =>
    call("/set-password", passwordSet, { method: "POST", body: { token, password }, quietOn401: true }),
};
