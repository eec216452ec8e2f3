// What the simulator's provider handlers share: storage, credentials, knobs, and the
// outbox of webhooks the room's alarm delivers.
import type * as Party from "partykit/server";
import type { RuntimeEnv } from "../env";
import type { SimCredentials } from "../messages/connections";
import type { FormFields } from "../messages/twilio/signature";

export type SimWebhook =
  | { kind: "svix"; url: string; id: string; body: string }
  | {
      kind: "twilio";
      url: string;
      fields: FormFields;
      /** The message's new state at "Twilio", applied when the callback is due. */
      messageUpdate?: { sid: string; status: string; errorCode?: number };
    };

export interface SimContext {
  env: RuntimeEnv;
  storage: Party.Storage;
  credentials: SimCredentials;
  failsAtRandom(): boolean;
  webhookDelay(): number;
  enqueue(hooks: { hook: SimWebhook; at: number }[]): Promise<void>;
}

export const MAX_SIM_BODY_BYTES = 512 * 1024;

/** Reads a body up to a bound; null when it is larger. */
export async function boundedText(req: Request, max = MAX_SIM_BODY_BYTES): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  const text = await req.text();
  return new TextEncoder().encode(text).byteLength > max ? null : text;
}

/** Counts how often a deterministic refusal has been served for one message; true while it should go on. */
export async function refuseAgain(storage: Party.Storage, key: string, times: number): Promise<boolean> {
  const served = (await storage.get<number>(`refused:${key}`)) ?? 0;
  if (served >= times) return false;
  await storage.put(`refused:${key}`, served + 1);
  return true;
}
