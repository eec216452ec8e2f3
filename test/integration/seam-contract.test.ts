// Contract tests: the real `seam` adapter, from Node, against the Seam simulator running
// in real partykit dev (workerd). Each failure mode the simulator offers is driven the
// way Seam's own sandbox would show it, and read back only through the adapter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seamSimulatorUrl } from "../../party/locks";
import { LockProviderError, type LockProvider } from "../../party/locks/provider";
import { seamProvider } from "../../party/locks/seam/provider";
import { configureSimDevice, removeSimCodeFromDevice, seamSimCall, seamSimKey } from "../../party/seamsim/inspect";
import { startTestStack, type TestStack } from "../support/stack";

let stack: TestStack;
let seam: LockProvider;
let key: string;
const HOUR = 3_600_000;
const window = () => ({ startsAt: Date.now() + HOUR, endsAt: Date.now() + 26 * HOUR });
let n = 0;
/** A fresh simulated lock per test, so no test sees another's codes or failure mode. */
const freshLock = () => `contract-lock-${Date.now()}-${n++}`;

beforeAll(async () => {
  stack = await startTestStack({ SIM_LOCK_LATENCY_MS: "5", SIM_LOCK_SET_DELAY_MS: "300" });
  key = seamSimKey(stack.vars);
  seam = seamProvider({ baseUrl: seamSimulatorUrl(stack.url), apiKey: key });
});
afterAll(async () => stack?.stop());

const stateOf = async (pinId: string) => (await seam.pinStates([pinId])).get(pinId);

describe("the seam adapter against the Seam simulator", () => {
  it("creates a code that is `setting`, then `set` once the lock confirms it; finds, moves and deletes it", async () => {
    const lockId = freshLock();
    const pin = await seam.createPin({ lockId, code: "482915", label: "frontdoor:contract-1", ...window() });
    expect(pin).toMatchObject({ lockId, label: "frontdoor:contract-1", code: "482915", state: "setting" });
    await expect.poll(() => stateOf(pin.pinId), { timeout: 10_000 }).toBe("set");
    expect((await seam.findPins(lockId, "frontdoor:contract-1")).map((p) => p.pinId)).toEqual([pin.pinId]);
    expect(await seam.findPins(lockId, "frontdoor:someone-else")).toEqual([]);

    const later = window();
    await seam.updatePinWindow(pin.pinId, later.startsAt, later.endsAt + 2 * HOUR);
    const listed = (await seamSimCall(stack.url, key, "access_codes/get", { access_code_id: pin.pinId })) as {
      access_code: { ends_at: string };
    };
    expect(Date.parse(listed.access_code.ends_at)).toBe(later.endsAt + 2 * HOUR);

    await seam.deletePin(lockId, pin.pinId);
    await seam.deletePin(lockId, pin.pinId);
    expect(await stateOf(pin.pinId)).toBe("removed");
  });

  it("keeps one code for one common_code_key and refuses other digits under it", async () => {
    const [a, b] = [freshLock(), freshLock()];
    await seam.createPin({ lockId: a, code: "975318", label: "frontdoor:contract-common", ...window() });
    const err = await seam
      .createPin({ lockId: b, code: "864213", label: "frontdoor:contract-common", ...window() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockProviderError);
    expect((err as LockProviderError).transient).toBe(false);
  });

  it("reports a device's constraints and refuses a code that breaks them, for good", async () => {
    const lockId = freshLock();
    await configureSimDevice(stack.url, key, lockId, {
      supported_code_lengths: [6],
      code_constraints: [{ constraint_type: "no_zeros" }, { constraint_type: "cannot_start_with_12" }],
    });
    const device = await seam.getDevice(lockId);
    expect(device.constraints).toEqual({ lengths: [6], rules: ["no_zeros", "cannot_start_with_12"], unsupported: [] });
    const err = (await seam
      .createPin({ lockId, code: "120567", label: "x", ...window() })
      .catch((e: unknown) => e)) as LockProviderError;
    expect(err.transient).toBe(false);
    expect(err.message).toMatch(/^Seam refused the request \(HTTP 400, invalid_input\)/);
    expect(err.message).not.toContain("120567");
  });

  it("holds a code at `setting` while the lock is offline and sets it when the lock is back", async () => {
    const lockId = freshLock();
    await seamSimCall(stack.url, key, "devices/simulate/disconnect", { device_id: lockId });
    expect((await seam.getDevice(lockId)).online).toBe(false);
    const pin = await seam.createPin({ lockId, code: "482915", label: "frontdoor:offline", ...window() });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await stateOf(pin.pinId)).toBe("setting");
    await seamSimCall(stack.url, key, "devices/simulate/connect", { device_id: lockId });
    await expect.poll(() => stateOf(pin.pinId), { timeout: 10_000 }).toBe("set");
  });

  it("leaves a stuck code at `setting`, and turns a failing one `failed` after the device's delay", async () => {
    const stuck = freshLock();
    const failing = freshLock();
    await configureSimDevice(stack.url, key, stuck, { code_outcome: "stuck" });
    await configureSimDevice(stack.url, key, failing, { code_outcome: "fail_later", fail_after_ms: 1_500 });
    const a = await seam.createPin({ lockId: stuck, code: "482915", label: "frontdoor:stuck", ...window() });
    const b = await seam.createPin({ lockId: failing, code: "482915", label: "frontdoor:failing", ...window() });
    expect(await stateOf(b.pinId)).toBe("setting");
    await expect.poll(() => stateOf(b.pinId), { timeout: 10_000 }).toBe("failed");
    expect(await stateOf(a.pinId)).toBe("setting");
  });

  it("reports a code removed at the lock by someone else as removed", async () => {
    const lockId = freshLock();
    const pin = await seam.createPin({ lockId, code: "482915", label: "frontdoor:removed", ...window() });
    await removeSimCodeFromDevice(stack.url, key, pin.pinId);
    expect(await stateOf(pin.pinId)).toBe("removed");
    expect(await seam.findPins(lockId, "frontdoor:removed")).toEqual([]);
  });

  it("shows a low battery and lists the workspace's devices for the desk's picker", async () => {
    const lockId = freshLock();
    await configureSimDevice(stack.url, key, lockId, { battery_level: 0.1 });
    expect((await seam.getDevice(lockId)).batteryLevel).toBe(0.1);
    expect((await seam.listDevices()).map((d) => d.lockId)).toContain(lockId);
  });

  it("refuses a wrong API key as Seam does, in words that name the variable", async () => {
    const wrong = seamProvider({ baseUrl: seamSimulatorUrl(stack.url), apiKey: "not-the-key" });
    const err = (await wrong.findPins(freshLock(), "x").catch((e: unknown) => e)) as LockProviderError;
    expect(err.transient).toBe(false);
    expect(err.message).toMatch(/SEAM_API_KEY/);
  });
});
