// The desk's door API: issuing a backup code or a brand-new code to a guest from the board, and the
// property's pools of backup codes per lock, which staff only ever see masked.
import { z } from "zod/mini";
import { int } from "./protocol/common";

const side = z.enum(["frontDoor", "room"]);

export const deskIssueBackupResponse = z.object({ given: z.array(side), missing: z.array(side) });
export type DeskIssueBackupResponse = z.infer<typeof deskIssueBackupResponse>;

/** A brand-new code was issued: the digits go to the guest only, never back to the desk. */
export const deskNewCodeResponse = z.object({ issued: z.literal(true) });
export type DeskNewCodeResponse = z.infer<typeof deskNewCodeResponse>;

export const deskBackupCodeInput = z.object({
  lockId: z.string().check(z.minLength(1), z.maxLength(200)),
  code: z.string().check(z.maxLength(20)),
});
export type DeskBackupCodeInput = z.infer<typeof deskBackupCodeInput>;

export const deskBackupCode = z.object({
  id: z.string(),
  lockId: z.string(),
  /** The last two digits: enough to match the code on the keypad's list, too little to open the door. */
  hint: z.string(),
  createdAt: int(),
  /** Given to a guest; such a code stays on record and cannot be removed from here. */
  used: z.boolean(),
});
export type DeskBackupCode = z.infer<typeof deskBackupCode>;

export const deskBackupCodesResponse = z.object({ codes: z.array(deskBackupCode) });
export type DeskBackupCodesResponse = z.infer<typeof deskBackupCodesResponse>;
