// The desk's manual locks (key boxes, standalone keypads): a manager names one, sets its
// code and changes it after each stay; staff see the last two digits and whether a new
// code is due, never the code.
import { z } from "zod/mini";
import { int } from "./protocol/common";

export const deskManualLock = z.object({
  id: z.string(),
  /** What a room's lock id holds to use this lock: `manual:<id>`. */
  lockId: z.string(),
  name: z.string(),
  /** The code's last two digits; null until a code is set. */
  hint: z.nullable(z.string()),
  codeSetAt: z.nullable(int()),
  codeSetBy: z.nullable(z.string()),
  /** The end of the latest stay that ended after the code was set: a new code is due since then. */
  rotateSince: z.nullable(int()),
});
export type DeskManualLock = z.infer<typeof deskManualLock>;

export const deskManualLocksResponse = z.object({ locks: z.array(deskManualLock) });
export type DeskManualLocksResponse = z.infer<typeof deskManualLocksResponse>;

export const deskManualLockInput = z.object({
  name: z.string().check(z.maxLength(100)),
  code: z.string().check(z.maxLength(30)),
});
export type DeskManualLockInput = z.infer<typeof deskManualLockInput>;

export const deskManualCodeInput = z.object({ code: z.string().check(z.maxLength(30)) });
export type DeskManualCodeInput = z.infer<typeof deskManualCodeInput>;
