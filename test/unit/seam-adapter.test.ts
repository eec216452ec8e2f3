// The Seam adapter against request/response examples recorded from Seam's API reference
// (test/fixtures/seam-docs.ts): fetch is the outside edge, so it alone is replaced, by a
// recorder that answers with Seam's documented bodies.
import { afterEach, describe, expect, it, vi } from "vitest";
import { LockProviderError } from "../../party/locks/provider";
import { codeStateOf } from "../../party/locks/seam/code-state";
import { seamProvider } from "../../party/locks/seam/provider";
import { signSvix, verifySvix } from "../../party/webhooks/svix";
import {
  backupPoolCreateRequest,
  backupPoolCreateResponse,
  emptyBackupPoolError,
  pullBackupRequest,
  pullBackupResponse,
  createTimeBoundRequest,
  createTimeBoundResponse,
  deviceOfflineError,
  failedAccessCode,
  invalidInputError,
  nukiDeviceResponse,
} from "../fixtures/seam-docs";

interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function answerWith(...answers: { status: number; body: unknown }[]) {
  const calls: Recorded[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? "GET",
      headers: init.headers as Record<string, string>,
      body: JSON.parse(String(init.body)),
    });
    const next = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(next.body), {
      status: next.status,
      headers: { "content-type": "application/json" },
    });
  });
  return calls;
}

const provider = () => seamProvider({ baseUrl: "https://connect.getseam.com", apiKey: "seam_test_key" });

afterEach(() => vi.unstubAllGlobals());

describe("the Seam adapter, against Seam's documented examples", () => {
  it("creates a time-bound code as Seam's reference does, with the session as name and common code key", async () => {
    const calls = answerWith({ status: 200, body: createTimeBoundResponse });
    const pin = await provider().createPin({
      lockId: createTimeBoundRequest.device_id,
      code: createTimeBoundRequest.code,
      label: createTimeBoundRequest.name,
      startsAt: Date.parse(createTimeBoundRequest.starts_at),
      endsAt: Date.parse(createTimeBoundRequest.ends_at),
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("https://connect.getseam.com/access_codes/create");
    expect(calls[0]!.method).toBe("POST");
    expect(calls[0]!.headers.authorization).toBe("Bearer seam_test_key");
    expect(calls[0]!.body).toEqual({ ...createTimeBoundRequest, common_code_key: createTimeBoundRequest.name });
    expect(pin).toEqual({
      pinId: "e9cf6dd6-89aa-477f-a701-c08f3de13c1f",
      lockId: createTimeBoundRequest.device_id,
      label: createTimeBoundRequest.name,
      code: "1234",
      state: "set",
    });
  });

  it("finds a session's codes by listing the device and matching the name", async () => {
    const other = { ...createTimeBoundResponse.access_code, access_code_id: "other", name: "Someone else" };
    const calls = answerWith({ status: 200, body: { access_codes: [createTimeBoundResponse.access_code, other] } });
    const found = await provider().findPins(createTimeBoundRequest.device_id, createTimeBoundRequest.name);
    expect(calls[0]!.body).toEqual({ device_id: createTimeBoundRequest.device_id });
    expect(found.map((p) => p.pinId)).toEqual(["e9cf6dd6-89aa-477f-a701-c08f3de13c1f"]);
  });

  it("follows list pages", async () => {
    const a = { ...createTimeBoundResponse.access_code, access_code_id: "a" };
    const b = { ...createTimeBoundResponse.access_code, access_code_id: "b" };
    const calls = answerWith(
      { status: 200, body: { access_codes: [a], pagination: { has_next_page: true, next_page_cursor: "page2" } } },
      { status: 200, body: { access_codes: [b], pagination: { has_next_page: false, next_page_cursor: null } } },
    );
    const found = await provider().findPins(a.device_id, a.name);
    expect(found.map((p) => p.pinId)).toEqual(["a", "b"]);
    expect(calls[1]!.body).toEqual({ device_id: a.device_id, page_cursor: "page2" });
  });

  it("reads a device's code constraints: Seam's Nuki example takes six digits, no zeros, not starting with 12", async () => {
    const calls = answerWith({ status: 200, body: nukiDeviceResponse });
    const device = await provider().getDevice("ed4a1f62-9070-4379-8c46-ea30a99e4d74");
    expect(calls[0]!.url).toBe("https://connect.getseam.com/devices/get");
    expect(device).toEqual({
      lockId: "ed4a1f62-9070-4379-8c46-ea30a99e4d74",
      name: "Office Lock",
      online: true,
      batteryLevel: 0.86,
      constraints: { lengths: [6], rules: ["cannot_start_with_12", "no_zeros"], unsupported: [] },
      supportsBackupPool: true,
    });
  });

  it("asks for the lock's backup pool when creating a code, as Seam's backup-code guide does", async () => {
    const calls = answerWith({ status: 200, body: backupPoolCreateResponse });
    const pin = await provider().createPin({
      lockId: backupPoolCreateRequest.device_id,
      code: "1185",
      label: backupPoolCreateRequest.name,
      startsAt: Date.parse(backupPoolCreateRequest.starts_at),
      endsAt: Date.parse(backupPoolCreateRequest.ends_at),
      useBackupPool: true,
    });
    expect(calls[0]!.body).toMatchObject({ ...backupPoolCreateRequest, use_backup_access_code_pool: true });
    expect(pin.state).toBe("setting");
    // Without the wish the flag is not sent at all (locks without a pool refuse it).
    const again = answerWith({ status: 200, body: createTimeBoundResponse });
    await provider().createPin({
      lockId: createTimeBoundRequest.device_id,
      code: createTimeBoundRequest.code,
      label: createTimeBoundRequest.name,
      startsAt: Date.parse(createTimeBoundRequest.starts_at),
      endsAt: Date.parse(createTimeBoundRequest.ends_at),
    });
    expect(again[0]!.body).not.toHaveProperty("use_backup_access_code_pool");
  });

  it("pulls a backup code as Seam's reference shows: the access code's id in, `backup_access_code` out", async () => {
    const calls = answerWith({ status: 200, body: pullBackupResponse });
    const backup = await provider().pullBackupCode!(pullBackupRequest.access_code_id);
    expect(calls[0]!.url).toBe("https://connect.getseam.com/access_codes/pull_backup_access_code");
    expect(calls[0]!.body).toEqual(pullBackupRequest);
    expect(backup).toEqual({
      pinId: pullBackupResponse.backup_access_code.access_code_id,
      lockId: pullBackupResponse.backup_access_code.device_id,
      label: pullBackupResponse.backup_access_code.name,
      code: "4207",
      state: "set",
    });
  });

  it("an empty backup pool is a permanent refusal in plain words, never the digits", async () => {
    answerWith({ status: 400, body: emptyBackupPoolError });
    const err = await provider().pullBackupCode!(pullBackupRequest.access_code_id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockProviderError);
    expect((err as LockProviderError).transient).toBe(false);
    expect((err as LockProviderError).message).toMatch(/^The lock's backup-code pool is empty/);
  });

  it("reads code states by id; a code Seam no longer lists is removed", async () => {
    const calls = answerWith({
      status: 200,
      body: { access_codes: [createTimeBoundResponse.access_code, failedAccessCode] },
    });
    const states = await provider().pinStates([
      "e9cf6dd6-89aa-477f-a701-c08f3de13c1f",
      failedAccessCode.access_code_id,
      "gone",
    ]);
    expect(calls[0]!.body).toEqual({
      access_code_ids: ["e9cf6dd6-89aa-477f-a701-c08f3de13c1f", failedAccessCode.access_code_id, "gone"],
    });
    expect(Object.fromEntries(states)).toEqual({
      "e9cf6dd6-89aa-477f-a701-c08f3de13c1f": "set",
      [failedAccessCode.access_code_id]: "failed",
      gone: "removed",
    });
  });

  it("updates a code's window and deletes codes, an already deleted one counting as done", async () => {
    const calls = answerWith(
      { status: 200, body: { ok: true, action_attempt: { status: "success" } } },
      { status: 200, body: { ok: true, action_attempt: { status: "success" } } },
      { status: 404, body: { error: { type: "access_code_not_found", message: "Access code not found" } } },
    );
    const p = provider();
    await p.updatePinWindow("e9cf6dd6", Date.parse("2025-06-20T06:49:21.000Z"), Date.parse("2025-06-23T11:00:00.000Z"));
    await p.deletePin("dev", "e9cf6dd6");
    await p.deletePin("dev", "e9cf6dd6");
    expect(calls.map((c) => c.url.replace("https://connect.getseam.com", ""))).toEqual([
      "/access_codes/update",
      "/access_codes/delete",
      "/access_codes/delete",
    ]);
    expect(calls[0]!.body).toEqual({
      access_code_id: "e9cf6dd6",
      starts_at: "2025-06-20T06:49:21.000Z",
      ends_at: "2025-06-23T11:00:00.000Z",
    });
  });

  it.each([
    [400, invalidInputError, false, /^Seam refused the request \(HTTP 400, invalid_input\)/],
    [400, deviceOfflineError, true, /^The lock is offline/],
    [401, { error: { type: "unauthorized", message: "Unauthorized" } }, false, /check SEAM_API_KEY/],
    [
      404,
      { error: { type: "device_not_found", message: "Device not found" } },
      false,
      /check the room's Seam device id/,
    ],
    [429, { error: { type: "rate_limited", message: "Too many requests" } }, true, /not answering properly/],
    [503, "<html>busy</html>", true, /HTTP 503/],
  ])("maps HTTP %i %j to transient=%s in plain words", async (status, body, transient, words) => {
    answerWith({ status, body });
    const err = await provider()
      .getDevice(`device-${status}-${JSON.stringify(body).length}`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockProviderError);
    expect((err as LockProviderError).transient).toBe(transient);
    expect((err as LockProviderError).message).toMatch(words);
  });

  it("never repeats a code that Seam's error message echoes", async () => {
    answerWith({ status: 400, body: { error: { type: "invalid_input", message: "Code 482915 is already in use" } } });
    const err = (await provider()
      .createPin({ lockId: "d", code: "482915", label: "l", startsAt: 0, endsAt: 1 })
      .catch((e: unknown) => e)) as Error;
    expect(err.message).not.toContain("482915");
  });

  it("treats an unreachable Seam as transient", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    const err = (await provider()
      .findPins("d", "l")
      .catch((e: unknown) => e)) as LockProviderError;
    expect(err.transient).toBe(true);
  });
});

describe("Seam's code states", () => {
  it.each([
    ["setting", [], "setting"],
    ["unset", [], "setting"],
    ["unknown", [], "setting"],
    ["set", [], "set"],
    ["removing", [], "removed"],
    ["setting", [{ error_code: "failed_to_set_on_device" }], "failed"],
    ["set", [{ error_code: "code_modified_external_to_seam" }], "failed"],
    ["setting", [{ error_code: "device_offline" }], "setting"],
  ] as const)("%s with %j is %s", (status, errors, expected) => {
    expect(codeStateOf({ status, errors: [...errors] })).toBe(expected);
  });
});

describe("Svix webhook signatures", () => {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const body = JSON.stringify({ event_type: "access_code.set_on_device", access_code_id: "a" });
  const now = 1_750_000_000_000;

  it("reproduces the worked example of Svix's documentation", async () => {
    const h = await signSvix(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(h["svix-signature"]).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("accepts what was signed with the endpoint's secret, within five minutes", async () => {
    const h = await signSvix(secret, "msg_1", now / 1000, body);
    expect(await verifySvix(secret, new Headers({ ...h }), body, now + 299_000)).toEqual({ ok: true, id: "msg_1" });
  });

  it("refuses a changed body, another secret, an old timestamp and missing headers", async () => {
    const h = await signSvix(secret, "msg_1", now / 1000, body);
    expect((await verifySvix(secret, new Headers({ ...h }), body.replace("a", "b"), now)).ok).toBe(false);
    expect((await verifySvix("whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==", new Headers({ ...h }), body, now)).ok).toBe(
      false,
    );
    expect(await verifySvix(secret, new Headers({ ...h }), body, now + 301_000)).toEqual({
      ok: false,
      reason: "timestamp outside the tolerance",
    });
    expect((await verifySvix(secret, new Headers(), body, now)).ok).toBe(false);
  });

  it("accepts any one of several signatures, as Svix sends during secret rotation", async () => {
    const h = await signSvix(secret, "msg_1", now / 1000, body);
    const rotated = new Headers({ ...h, "svix-signature": `v1,bm90LXRoaXMtb25l ${h["svix-signature"]}` });
    expect((await verifySvix(secret, rotated, body, now)).ok).toBe(true);
  });
});
