// The desk's list of the locks the lock service's workspace holds, for the room form's
// picker: names and health only (no codes, no keys).
import { z } from "zod/mini";

export const deskLockDevice = z.object({
  lockId: z.string().check(z.maxLength(200)),
  name: z.string().check(z.maxLength(200)),
  online: z.boolean(),
  /** 0..1, null when the lock does not report it. */
  batteryLevel: z.nullable(z.number()),
});
export type DeskLockDevice = z.infer<typeof deskLockDevice>;

export const deskLockDevicesResponse = z.object({ devices: z.array(deskLockDevice) });
export type DeskLockDevicesResponse = z.infer<typeof deskLockDevicesResponse>;
