// A local stand-in for the message providers, the default when no account is configured
// (like party/seamsim for Seam): room `resend` answers Resend's email API and room
// `twilio` Twilio's Messages API, at their documented paths with their auth, bodies and
// error shapes. What was "sent" is kept in room storage; delivery reports go back to
// Frontdoor's webhook routes after a short delay, signed exactly as the vendors sign them
// (Svix for Resend, X-Twilio-Signature for Twilio), retried like theirs. Deterministic
// failures by recipient are in ./triggers.ts; `/_simulator/*` is for tests (INTERNAL_SECRET).
import type * as Party from "partykit/server";
import { runtimeEnv, type RuntimeEnv } from "../env";
import { isInternal } from "../internal-auth";
import { simCredentials } from "../messages/connections";
import { twilioSignature, type FormFields } from "../messages/twilio/signature";
import { signSvix } from "../webhooks/svix";
import { handleResend } from "./resend";
import type { SimContext, SimWebhook } from "./context";
import { handleTwilio, updateTwilioMessage } from "./twilio";

const WEBHOOK_ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface OutboxEntry {
  hook: SimWebhook;
  attempts: number;
  nextAt: number;
}

export default class MessageSimRoom implements Party.Server {
  private seq = 0;

  constructor(readonly room: Party.Room) {}

  private get env(): RuntimeEnv {
    return runtimeEnv(this.room.env);
  }

  async onRequest(req: Party.Request): Promise<Response> {
    const request = req as unknown as Request;
    // The provider comes from the path: partykit forbids `room.id` in a room its alarm started.
    const [, , provider, ...rest] = new URL(request.url).pathname.split("/").filter(Boolean);
    const route = rest.map(decodeURIComponent);
    const inspecting = route[0] === "_simulator";
    if (inspecting && !isInternal(request, this.env.INTERNAL_SECRET)) {
      return new Response("Not found", { status: 404 });
    }
    if (!inspecting) {
      const { minMs, maxMs } = this.env.SIM_MESSAGE_LATENCY_MS;
      await sleep(minMs + Math.random() * (maxMs - minMs));
    }
    const ctx = await this.context();
    let response: Response;
    if (provider === "resend") response = await handleResend(ctx, request, route);
    else if (provider === "twilio") response = await handleTwilio(ctx, request, route);
    else response = new Response("Not found", { status: 404 });
    await this.armAlarm();
    return response;
  }

  private async context(): Promise<SimContext> {
    const env = this.env;
    return {
      env,
      storage: this.room.storage,
      credentials: await simCredentials(env.INTERNAL_SECRET),
      failsAtRandom: () => Math.random() < env.SIM_MESSAGE_FAILURE_RATE,
      webhookDelay: () => {
        const { minMs, maxMs } = env.SIM_MESSAGE_WEBHOOK_DELAY_MS;
        return minMs + Math.random() * (maxMs - minMs);
      },
      enqueue: (hooks) => this.enqueue(hooks),
    };
  }

  private async enqueue(hooks: { hook: SimWebhook; at: number }[]) {
    const entries: Record<string, OutboxEntry> = {};
    for (const { hook, at } of hooks) {
      const key = `outbox:${String(Math.round(at)).padStart(15, "0")}:${String(this.seq++).padStart(6, "0")}`;
      entries[key] = { hook, attempts: 0, nextAt: at };
    }
    if (Object.keys(entries).length > 0) await this.room.storage.put(entries);
  }

  async onAlarm() {
    const ctx = await this.context();
    const now = Date.now();
    for (const [key, entry] of await this.room.storage.list<OutboxEntry>({ prefix: "outbox:" })) {
      if (entry.nextAt > now) continue;
      // The message's state at the provider moves whether or not its webhook gets through.
      if (entry.attempts === 0 && entry.hook.kind === "twilio" && entry.hook.messageUpdate) {
        await updateTwilioMessage(ctx, entry.hook.messageUpdate);
      }
      const delivered = await this.post(ctx, entry.hook);
      if (delivered || entry.attempts + 1 >= WEBHOOK_ATTEMPTS) await this.room.storage.delete(key);
      else
        await this.room.storage.put(key, {
          ...entry,
          attempts: entry.attempts + 1,
          nextAt: now + 1_000 * 2 ** entry.attempts,
        });
    }
    await this.armAlarm();
  }

  /** Signs at delivery time, as the vendors do: a retried Svix message gets a fresh timestamp. */
  private async post(ctx: SimContext, hook: SimWebhook): Promise<boolean> {
    if (hook.url === "") return true;
    let init: RequestInit;
    if (hook.kind === "svix") {
      const headers = await signSvix(
        ctx.credentials.resendWebhookSecret,
        hook.id,
        Math.floor(Date.now() / 1000),
        hook.body,
      );
      init = { headers: { "content-type": "application/json", ...headers }, body: hook.body };
    } else {
      const fields: FormFields = hook.fields;
      const signature = await twilioSignature(ctx.credentials.twilioAuthToken, hook.url, fields);
      init = {
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
        body: new URLSearchParams(fields),
      };
    }
    const res = await fetch(hook.url, { method: "POST", ...init, signal: AbortSignal.timeout(10_000) }).catch(
      () => null,
    );
    return res !== null && res.status < 500;
  }

  private async armAlarm() {
    let at: number | undefined;
    for (const [, entry] of await this.room.storage.list<OutboxEntry>({ prefix: "outbox:" })) {
      at = at === undefined ? entry.nextAt : Math.min(at, entry.nextAt);
    }
    if (at === undefined) return;
    const current = await this.room.storage.getAlarm();
    if (current === null || current > at) await this.room.storage.setAlarm(Math.max(at, Date.now()));
  }
}
