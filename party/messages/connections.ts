// Where each message provider is and how to sign in to it. With no account configured the
// local simulator (party/messagesim) answers instead, with credentials derived from
// INTERNAL_SECRET: both the simulator and the app can compute them, nobody else can, and
// no development default has to be kept out of production.
import type { RuntimeEnv } from "../env";

export const RESEND_API_URL = "https://api.resend.com";
export const TWILIO_API_URL = "https://api.twilio.com";
/** Twilio's documented "valid sender" test number: the simulator's default From. */
export const SIM_TWILIO_FROM = "+15005550006";

export type SimProvider = "resend" | "twilio";
export const messageSimulatorUrl = (selfUrl: string, provider: SimProvider) =>
  `${selfUrl}/parties/messagesim/${provider}`;

async function derive(secret: string, label: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(label)));
}
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

export interface SimCredentials {
  resendApiKey: string;
  resendWebhookSecret: string;
  twilioAccountSid: string;
  twilioAuthToken: string;
}

export async function simCredentials(internalSecret: string): Promise<SimCredentials> {
  const [apiKey, webhook, sid, token] = (await Promise.all(
    ["resend-api-key", "resend-webhook", "twilio-sid", "twilio-token"].map((l) =>
      derive(internalSecret, `messagesim:${l}`),
    ),
  )) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  return {
    resendApiKey: `re_sim_${hex(apiKey).slice(0, 32)}`,
    resendWebhookSecret: `whsec_${base64(webhook)}`,
    twilioAccountSid: `AC${hex(sid).slice(0, 32)}`,
    twilioAuthToken: hex(token).slice(0, 32),
  };
}

export interface ResendConnection {
  baseUrl: string;
  apiKey: string;
  /** Undefined: a real account without RESEND_WEBHOOK_SECRET, whose webhooks are refused. */
  webhookSecret: string | undefined;
  from: string;
}

export async function resendConnection(env: RuntimeEnv): Promise<ResendConnection> {
  if (env.RESEND_API_KEY) {
    return {
      baseUrl: env.RESEND_API_URL ?? RESEND_API_URL,
      apiKey: env.RESEND_API_KEY,
      webhookSecret: env.RESEND_WEBHOOK_SECRET,
      from: env.EMAIL_FROM,
    };
  }
  const sim = await simCredentials(env.INTERNAL_SECRET);
  return {
    baseUrl: env.RESEND_API_URL ?? messageSimulatorUrl(env.SELF_URL, "resend"),
    apiKey: sim.resendApiKey,
    webhookSecret: sim.resendWebhookSecret,
    from: env.EMAIL_FROM,
  };
}

/** Which channels go to a real provider account rather than the local simulator. */
export function realProviders(env: RuntimeEnv): { email: boolean; sms: boolean } {
  return { email: Boolean(env.RESEND_API_KEY), sms: Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) };
}

export interface TwilioConnection {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
}

export async function twilioConnection(env: RuntimeEnv): Promise<TwilioConnection> {
  const sender = { from: env.TWILIO_FROM, messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID };
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) {
    return {
      baseUrl: env.TWILIO_API_URL ?? TWILIO_API_URL,
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      ...sender,
    };
  }
  const sim = await simCredentials(env.INTERNAL_SECRET);
  return {
    baseUrl: env.TWILIO_API_URL ?? messageSimulatorUrl(env.SELF_URL, "twilio"),
    accountSid: sim.twilioAccountSid,
    authToken: sim.twilioAuthToken,
    ...(sender.from || sender.messagingServiceSid ? sender : { from: SIM_TWILIO_FROM }),
  };
}
