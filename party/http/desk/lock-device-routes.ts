// The devices the lock service's workspace lists, for the room form's picker. Managers
// only: they are the ones who set a room's locks.
import { Hono } from "hono";
import type { DeskLockDevicesResponse } from "../../../shared/lock-devices-protocol";
import { apiErrorResponse } from "../../http-json";
import { lockProvider } from "../../locks";
import { LockProviderError } from "../../locks/provider";
import { requireManager, type DeskEnv } from "./context";

export const lockDeviceRoutes = new Hono<DeskEnv>();

/** A workspace holds tens of locks; more than this is not one property's. */
const MAX_DEVICES = 500;

lockDeviceRoutes.get("/lock-devices", requireManager, async (c) => {
  let devices: Awaited<ReturnType<ReturnType<typeof lockProvider>["listDevices"]>>;
  try {
    devices = await lockProvider(c.get("env")).listDevices();
  } catch (err) {
    const why = err instanceof LockProviderError ? err.message : "it did not answer";
    return apiErrorResponse(502, "upstream", `The lock service could not list its locks (${why}). Type the lock ids.`);
  }
  const body: DeskLockDevicesResponse = {
    devices: devices.slice(0, MAX_DEVICES).map((d) => ({
      lockId: d.lockId,
      name: d.name,
      online: d.online,
      batteryLevel: d.batteryLevel,
    })),
  };
  return c.json(body);
});
