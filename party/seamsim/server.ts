// A Seam-compatible simulator, one simulated workspace per room: the outside edge of the
// system, so the real `seam` adapter runs in `npm start` and every test. Same paths,
// bodies, code states, error shape and Svix-signed webhook events as Seam documents.
// It misbehaves on purpose: latency, transient failures of which a share happen *after*
// the change was stored (the response is "lost"), and per-device failure modes set
// through `/_simulator/*`: offline, codes stuck in `setting`, `failed_to_set_on_device`
// after a while, codes removed by someone else, low battery, webhooks lost.
import type * as Party from "partykit/server";
import { z } from "zod";
import { lockAccepts, isCodeRule } from "../../domain/pin-constraints";
import { generatePin } from "../../domain/pin-code";
import { runtimeEnv, type RuntimeEnv } from "../env";
import { json } from "../http-json";
import { randomUint32 } from "../random";
import { signSvix } from "../webhooks/svix";
import { backupAvailable, isPoolError, newPool, poolKey, pullBackup, refill, type BackupPool } from "./backup-pool";
import {
  dueAt,
  newDevice,
  publicCode,
  publicDevice,
  settle,
  type SimCode,
  type SimDevice,
  type SimEvent,
} from "./model";

const MAX_BODY_BYTES = 16 * 1024;
const WEBHOOK_ATTEMPTS = 5;
const WORKSPACE_KEY = "meta:workspace";

const iso = z.string().datetime({ offset: true });
const createBody = z.object({
  device_id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  code: z
    .string()
    .regex(/^\d{4,12}$/)
    .optional(),
  common_code_key: z.string().max(200).optional(),
  starts_at: iso.optional(),
  ends_at: iso.optional(),
  use_backup_access_code_pool: z.boolean().optional(),
});
const listBody = z.object({
  device_id: z.string().max(200).optional(),
  access_code_ids: z.array(z.string().max(200)).max(500).optional(),
  page_cursor: z.string().optional(),
  limit: z.number().optional(),
});
const codeIdBody = z.object({ access_code_id: z.string().max(200), device_id: z.string().max(200).optional() });
const updateBody = codeIdBody.extend({
  name: z.string().max(200).optional(),
  starts_at: iso.optional(),
  ends_at: iso.optional(),
});
const deviceIdBody = z.object({ device_id: z.string().min(1).max(200) });
const configureBody = deviceIdBody.extend({
  online: z.boolean().optional(),
  battery_level: z.number().min(0).max(1).optional(),
  supported_code_lengths: z.array(z.number().int().min(1).max(12)).optional(),
  code_constraints: z.array(z.object({ constraint_type: z.string() })).optional(),
  code_outcome: z.enum(["set", "stuck", "fail_later"]).optional(),
  fail_after_ms: z.number().int().min(0).optional(),
  drop_webhooks: z.boolean().optional(),
  create_delay_ms: z.number().int().min(0).max(60_000).optional(),
  supports_backup_access_code_pool: z.boolean().optional(),
  backup_pool_size: z.number().int().min(0).max(20).optional(),
});

interface OutboxEntry {
  event: Record<string, unknown>;
  attempts: number;
  nextAt: number;
}

class SeamError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (r: { minMs: number; maxMs: number }) => r.minMs + Math.random() * (r.maxMs - r.minMs);
const uuid = () => crypto.randomUUID();

function seamError(status: number, type: string, message: string): Response {
  return json({ error: { type, message, request_id: uuid() }, ok: false }, status);
}

export default class SeamSimRoom implements Party.Server {
  constructor(readonly room: Party.Room) {}

  private get env(): RuntimeEnv {
    return runtimeEnv(this.room.env);
  }

  async onRequest(req: Party.Request): Promise<Response> {
    const request = req as unknown as Request;
    if (request.headers.get("authorization") !== `Bearer ${this.env.SEAMSIM_API_KEY}`) {
      return seamError(401, "unauthorized", "Unauthorized");
    }
    if (request.method !== "POST") return seamError(405, "method_not_allowed", "Seam routes are POST");
    const text = await request.text();
    if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES)
      return seamError(413, "payload_too_large", "Body too large");
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      return seamError(400, "invalid_input", "Body is not JSON");
    }
    // The room id comes from the path: partykit forbids `room.id` in a room its alarm started.
    const [, , workspace = "workspace", ...rest] = new URL(request.url).pathname.split("/").filter(Boolean);
    await this.room.storage.put(WORKSPACE_KEY, decodeURIComponent(workspace));
    const route = rest.join("/");
    const simulated = !route.startsWith("_simulator/") && !request.headers.has("x-seamsim-inspect");
    try {
      const network = simulated ? await this.simulateNetwork() : "ok";
      if (network === "fail-before") return seamError(503, "service_unavailable", "Seam is temporarily unavailable");
      const response = await this.route(route, body, decodeURIComponent(workspace));
      await this.armAlarm();
      if (network === "fail-after") return seamError(504, "gateway_timeout", "Gateway timeout");
      return response;
    } catch (err) {
      if (err instanceof SeamError) return seamError(err.status, err.type, err.message);
      throw err;
    }
  }

  private async simulateNetwork(): Promise<"ok" | "fail-before" | "fail-after"> {
    await sleep(between(this.env.SIM_LOCK_LATENCY_MS));
    if (Math.random() >= this.env.SIM_LOCK_FAILURE_RATE) return "ok";
    return Math.random() < this.env.SIM_LOCK_LOST_RESPONSE_SHARE ? "fail-after" : "fail-before";
  }

  private async route(route: string, body: unknown, workspace: string): Promise<Response> {
    switch (route) {
      case "access_codes/create":
        return json({
          access_code: await this.codeOut(await this.createCode(parse(createBody, body)), workspace),
          action_attempt: attempt("CREATE_ACCESS_CODE"),
          ok: true,
        });
      case "access_codes/list": {
        const codes = await this.listCodes(parse(listBody, body));
        return json({
          access_codes: await Promise.all(codes.map((c) => this.codeOut(c, workspace))),
          pagination: { has_next_page: false, next_page_cursor: null },
          ok: true,
        });
      }
      case "access_codes/get":
        return json({
          access_code: await this.codeOut(await this.codeById(parse(codeIdBody, body).access_code_id), workspace),
          ok: true,
        });
      case "access_codes/pull_backup_access_code":
        return json({
          backup_access_code: await this.codeOut(
            await this.pullBackupCode(parse(codeIdBody, body).access_code_id),
            workspace,
          ),
          ok: true,
        });
      case "access_codes/update":
        await this.updateCode(parse(updateBody, body));
        return json({ action_attempt: attempt("UPDATE_ACCESS_CODE"), ok: true });
      case "access_codes/delete":
        await this.deleteCode(parse(codeIdBody, body).access_code_id, "access_code.deleted");
        return json({ action_attempt: attempt("DELETE_ACCESS_CODE"), ok: true });
      case "devices/get":
        return json({
          device: await this.deviceOut(await this.device(parse(deviceIdBody, body).device_id), workspace),
          ok: true,
        });
      case "devices/list": {
        const devices = [...(await this.room.storage.list<SimDevice>({ prefix: "dev:" })).values()];
        return json({
          devices: await Promise.all(devices.map((d) => this.deviceOut(d, workspace))),
          pagination: { has_next_page: false, next_page_cursor: null },
          ok: true,
        });
      }
      case "devices/simulate/disconnect":
        await this.configure({ device_id: parse(deviceIdBody, body).device_id, online: false });
        return json({ ok: true });
      case "devices/simulate/connect":
        await this.configure({ device_id: parse(deviceIdBody, body).device_id, online: true });
        return json({ ok: true });
      case "_simulator/devices/configure":
        return json({
          device: await this.deviceOut(await this.configure(parse(configureBody, body)), workspace),
          ok: true,
        });
      case "_simulator/access_codes/remove_from_device":
        await this.deleteCode(parse(codeIdBody, body).access_code_id, "access_code.removed_from_device");
        return json({ ok: true });
      default:
        return seamError(404, "not_found", `No route ${route}`);
    }
  }

  // ------------------------------------------------------------ devices

  private async device(deviceId: string): Promise<SimDevice> {
    const stored = await this.room.storage.get<SimDevice>(`dev:${deviceId}`);
    if (stored) return stored;
    // Any id is a lock in this workspace: the seeded rooms need no set-up step.
    const device = newDevice(deviceId);
    await this.room.storage.put(`dev:${deviceId}`, device);
    return device;
  }

  private async configure(body: z.infer<typeof configureBody>): Promise<SimDevice> {
    const { supports_backup_access_code_pool: supported, backup_pool_size: size, ...change } = body;
    if (supported !== undefined || size !== undefined) {
      const pool = await this.pool(change.device_id);
      await this.room.storage.put(poolKey(change.device_id), {
        ...pool,
        supported: supported ?? pool.supported,
        size: size ?? pool.size,
        codes: pool.codes.slice(0, size ?? pool.size),
      });
    }
    const before = await this.device(change.device_id);
    const device: SimDevice = {
      ...before,
      ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)),
    };
    await this.room.storage.put(`dev:${device.device_id}`, device);
    const events: SimEvent[] = [];
    if (before.online && !device.online)
      events.push({ event_type: "device.disconnected", device_id: device.device_id });
    if (!before.online && device.online) {
      events.push({ event_type: "device.connected", device_id: device.device_id });
      // Codes waiting for the lock go on once it is back.
      for (const code of await this.codesOf(device.device_id)) {
        if (
          code.status === "setting" &&
          code.due_at === null &&
          code.errors.length === 0 &&
          code.warnings.length === 0
        ) {
          await this.putCode({ ...code, due_at: dueAt(device, Date.now(), between(this.env.SIM_LOCK_SET_DELAY_MS)) });
        }
      }
    }
    if (before.battery_level >= 0.2 && device.battery_level < 0.2) {
      events.push({
        event_type: "device.low_battery",
        device_id: device.device_id,
        battery_level: device.battery_level,
      });
    }
    await this.enqueue(events, device);
    return device;
  }

  // ------------------------------------------------------------ access codes

  private async codesOf(deviceId: string): Promise<SimCode[]> {
    return [...(await this.room.storage.list<SimCode>({ prefix: `code:${deviceId}:` })).values()];
  }

  private async putCode(code: SimCode) {
    await this.room.storage.put({
      [`code:${code.device_id}:${code.access_code_id}`]: code,
      [`codeidx:${code.access_code_id}`]: code.device_id,
    });
  }

  private async codeById(accessCodeId: string): Promise<SimCode> {
    const deviceId = await this.room.storage.get<string>(`codeidx:${accessCodeId}`);
    const code = deviceId ? await this.room.storage.get<SimCode>(`code:${deviceId}:${accessCodeId}`) : undefined;
    if (!code) throw new SeamError(404, "access_code_not_found", "Access code not found");
    return this.settled(code);
  }

  /** Reads see the device's progress up to now even if the alarm has not run yet. */
  private async settled(code: SimCode): Promise<SimCode> {
    const result = settle(code, await this.device(code.device_id), Date.now());
    if (result.code !== code) {
      await this.putCode(result.code);
      await this.enqueue(result.events, await this.device(code.device_id));
    }
    return result.code;
  }

  private async createCode(body: z.infer<typeof createBody>): Promise<SimCode> {
    const slow = (await this.device(body.device_id)).create_delay_ms;
    if (slow) await sleep(slow);
    const device = await this.device(body.device_id);
    const constraints = constraintsOf(device);
    // The key binds the codes that still exist: once all of them are deleted it may carry new digits.
    const group = body.common_code_key ? await this.commonGroup(body.common_code_key) : null;
    const shared = group && group.ids.length > 0 ? group.code : undefined;
    if (shared !== undefined && body.code !== undefined && body.code !== shared) {
      throw new SeamError(
        400,
        "invalid_input",
        "code differs from the code of other access codes with this common_code_key",
      );
    }
    const code = body.code ?? shared ?? generatePin(randomUint32);
    if (!lockAccepts(code, constraints))
      throw new SeamError(400, "invalid_input", "code does not satisfy the device's code constraints");
    if (body.starts_at && body.ends_at && Date.parse(body.ends_at) <= Date.parse(body.starts_at)) {
      throw new SeamError(400, "invalid_input", "ends_at must be after starts_at");
    }
    const now = Date.now();
    const record: SimCode = {
      access_code_id: uuid(),
      device_id: device.device_id,
      name: body.name ?? null,
      code,
      common_code_key: body.common_code_key ?? null,
      type: body.starts_at || body.ends_at ? "time_bound" : "ongoing",
      status: "setting",
      starts_at: body.starts_at ?? null,
      ends_at: body.ends_at ?? null,
      errors: [],
      warnings: [],
      created_at: new Date(now).toISOString(),
      due_at: dueAt(device, now, between(this.env.SIM_LOCK_SET_DELAY_MS)),
    };
    await this.putCode(record);
    if (body.common_code_key) {
      const ids = [...(shared === undefined ? [] : (group?.ids ?? [])), record.access_code_id];
      await this.room.storage.put(`common:${body.common_code_key}`, { code, ids });
    }
    if (body.use_backup_access_code_pool) await this.activatePool(device);
    await this.enqueue(
      [{ event_type: "access_code.created", device_id: record.device_id, access_code_id: record.access_code_id }],
      device,
    );
    return record;
  }

  // ------------------------------------------------------------ backup pool

  private async pool(deviceId: string): Promise<BackupPool> {
    return (await this.room.storage.get<BackupPool>(poolKey(deviceId))) ?? newPool();
  }

  private async codeOut(code: SimCode, workspace: string) {
    return publicCode(code, workspace, backupAvailable(await this.pool(code.device_id), code));
  }

  private async deviceOut(device: SimDevice, workspace: string) {
    return publicDevice(device, workspace, (await this.pool(device.device_id)).supported);
  }

  private async activatePool(device: SimDevice) {
    const pool = await this.pool(device.device_id);
    if (!pool.supported) {
      throw new SeamError(400, "invalid_input", "This device does not support a backup access code pool");
    }
    await this.refillPool(device, { ...pool, active: true });
  }

  private async refillPool(device: SimDevice, pool: BackupPool) {
    const taken = new Set((await this.codesOf(device.device_id)).map((c) => c.code));
    const filled = refill(pool, constraintsOf(device), taken, Date.now(), randomUint32, uuid);
    await this.room.storage.put(poolKey(device.device_id), filled);
  }

  private async pullBackupCode(accessCodeId: string): Promise<SimCode> {
    const original = await this.codeById(accessCodeId);
    // The same backup every time for the same code.
    if (original.pulled_backup_access_code_id) return this.codeById(original.pulled_backup_access_code_id);
    const device = await this.device(original.device_id);
    const pulled = pullBackup(await this.pool(device.device_id), original, Date.now());
    if (isPoolError(pulled)) throw new SeamError(pulled.status, pulled.type, pulled.message);
    await this.putCode(pulled.backup);
    await this.putCode(pulled.original);
    await this.refillPool(device, pulled.pool);
    return pulled.backup;
  }

  private async commonGroup(key: string): Promise<{ code: string; ids: string[] } | null> {
    const stored = await this.room.storage.get<string | { code: string; ids: string[] }>(`common:${key}`);
    if (stored === undefined) return null;
    // Stored before groups tracked their codes: treat the key as still in use.
    return typeof stored === "string" ? { code: stored, ids: ["(unknown)"] } : stored;
  }

  private async listCodes(body: z.infer<typeof listBody>): Promise<SimCode[]> {
    if (body.device_id) return Promise.all((await this.codesOf(body.device_id)).map((c) => this.settled(c)));
    if (body.access_code_ids) {
      const found = await Promise.all(body.access_code_ids.map((id) => this.codeById(id).catch(() => null)));
      return found.filter((c): c is SimCode => c !== null);
    }
    throw new SeamError(400, "invalid_input", "Specify either device_id or access_code_ids");
  }

  private async updateCode(body: z.infer<typeof updateBody>) {
    const code = await this.codeById(body.access_code_id);
    const updated = {
      ...code,
      name: body.name ?? code.name,
      starts_at: body.starts_at ?? code.starts_at,
      ends_at: body.ends_at ?? code.ends_at,
    };
    if (updated.starts_at && updated.ends_at && Date.parse(updated.ends_at) <= Date.parse(updated.starts_at)) {
      throw new SeamError(400, "invalid_input", "ends_at must be after starts_at");
    }
    await this.putCode({ ...updated, type: updated.starts_at || updated.ends_at ? "time_bound" : "ongoing" });
    await this.enqueue(
      [{ event_type: "access_code.changed", device_id: code.device_id, access_code_id: code.access_code_id }],
      await this.device(code.device_id),
    );
  }

  private async deleteCode(accessCodeId: string, eventType: string) {
    const code = await this.codeById(accessCodeId);
    await this.room.storage.delete([`code:${code.device_id}:${code.access_code_id}`, `codeidx:${code.access_code_id}`]);
    if (code.common_code_key) {
      const group = await this.commonGroup(code.common_code_key);
      const ids = group?.ids.filter((id) => id !== code.access_code_id) ?? [];
      await this.room.storage.put(`common:${code.common_code_key}`, { code: group?.code ?? code.code, ids });
    }
    const device = await this.device(code.device_id);
    const events: SimEvent[] = [
      { event_type: eventType, device_id: code.device_id, access_code_id: code.access_code_id },
    ];
    if (eventType === "access_code.removed_from_device") {
      events.push({
        event_type: "access_code.deleted_external_to_seam",
        device_id: code.device_id,
        access_code_id: code.access_code_id,
      });
    }
    await this.enqueue(events, device);
  }

  // ------------------------------------------------------------ webhooks

  private async enqueue(events: SimEvent[], device: SimDevice) {
    if (events.length === 0 || device.drop_webhooks || !this.env.SEAM_WEBHOOK_SECRET) return;
    const workspaceId = (await this.room.storage.get<string>(WORKSPACE_KEY)) ?? "workspace";
    const now = Date.now();
    const entries: Record<string, OutboxEntry> = {};
    for (const e of events) {
      const at = new Date(now).toISOString();
      const event = {
        event_id: uuid(),
        workspace_id: workspaceId,
        connected_account_id: "00000000-0000-4000-8000-00000000a11c",
        created_at: at,
        occurred_at: at,
        ...e,
      };
      entries[`outbox:${now}:${event.event_id}`] = { event, attempts: 0, nextAt: now };
    }
    await this.room.storage.put(entries);
  }

  async onAlarm() {
    const now = Date.now();
    for (const [, code] of await this.room.storage.list<SimCode>({ prefix: "code:" })) {
      if (code.due_at !== null && code.due_at <= now) await this.settled(code);
    }
    await this.deliverWebhooks(now);
    await this.armAlarm();
  }

  private async deliverWebhooks(now: number) {
    const secret = this.env.SEAM_WEBHOOK_SECRET;
    const outbox = await this.room.storage.list<OutboxEntry>({ prefix: "outbox:" });
    for (const [key, entry] of outbox) {
      if (entry.nextAt > now) continue;
      if (!secret) {
        await this.room.storage.delete(key);
        continue;
      }
      const body = JSON.stringify(entry.event);
      const headers = await signSvix(
        secret,
        `msg_${String(entry.event.event_id)}`,
        Math.floor(Date.now() / 1000),
        body,
      );
      const delivered = await fetch(`${this.env.SELF_URL}/api/webhooks/seam`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
        signal: AbortSignal.timeout(10_000),
      }).then(
        (r) => r.ok,
        () => false,
      );
      if (delivered || entry.attempts + 1 >= WEBHOOK_ATTEMPTS) await this.room.storage.delete(key);
      else
        await this.room.storage.put(key, {
          ...entry,
          attempts: entry.attempts + 1,
          nextAt: now + 1_000 * 2 ** entry.attempts,
        });
    }
  }

  private async armAlarm() {
    const times: number[] = [];
    for (const [, code] of await this.room.storage.list<SimCode>({ prefix: "code:" }))
      if (code.due_at !== null) times.push(code.due_at);
    for (const [, entry] of await this.room.storage.list<OutboxEntry>({ prefix: "outbox:" })) times.push(entry.nextAt);
    if (times.length === 0) return;
    const at = Math.min(...times);
    const current = await this.room.storage.getAlarm();
    if (current === null || current > at) await this.room.storage.setAlarm(Math.max(at, Date.now()));
  }
}

function constraintsOf(device: SimDevice) {
  return {
    lengths: device.supported_code_lengths,
    rules: device.code_constraints.map((c) => c.constraint_type).filter(isCodeRule),
    unsupported: [],
  };
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new SeamError(
      400,
      "invalid_input",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  return parsed.data;
}

function attempt(actionType: string) {
  return { action_attempt_id: uuid(), action_type: actionType, status: "success", result: {}, error: null };
}
