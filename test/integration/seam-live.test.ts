// Opt-in: the `seam` adapter against a real Seam sandbox workspace. Runs only when
// SEAM_API_KEY is set (a sandbox key, seam_test…) and SEAM_LIVE_DEVICE_ID names one of
// its virtual locks; otherwise it is skipped and says so.
import { describe, expect, it } from "vitest";
import { SEAM_API_URL, seamProvider } from "../../party/locks/seam/provider";

const apiKey = process.env.SEAM_API_KEY;
const deviceId = process.env.SEAM_LIVE_DEVICE_ID;
const live = Boolean(apiKey && deviceId);
if (!live)
  console.info("[seam-live] skipped: set SEAM_API_KEY (a sandbox workspace) and SEAM_LIVE_DEVICE_ID to run it");

describe.skipIf(!live)("the seam adapter against a live Seam sandbox", () => {
  const seam = seamProvider({ baseUrl: process.env.SEAM_API_URL ?? SEAM_API_URL, apiKey: apiKey ?? "" });

  it("creates, finds, reads and deletes one time-bound code", { timeout: 120_000 }, async () => {
    const device = await seam.getDevice(deviceId!);
    const label = `frontdoor:live-${Date.now()}`;
    const startsAt = Date.now() + 3_600_000;
    const code = `4${String(Math.floor(Math.random() * 90_000) + 10_000).replaceAll("0", "7")}`;
    const pin = await seam.createPin({ lockId: device.lockId, code, label, startsAt, endsAt: startsAt + 86_400_000 });
    try {
      expect((await seam.findPins(device.lockId, label)).map((p) => p.pinId)).toEqual([pin.pinId]);
      expect(["setting", "set"]).toContain((await seam.pinStates([pin.pinId])).get(pin.pinId));
    } finally {
      await seam.deletePin(device.lockId, pin.pinId);
    }
  });
});
