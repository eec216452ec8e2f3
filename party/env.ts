// Runtime configuration of the parties, read from the variables partykit passes in
// (`--var` in dev, the project's env in production). Validated once per isolate so a
// bad value fails loudly with its name instead of surfacing as odd behaviour later.
import { z } from "zod";

const latencyRange = z
  .string()
  .regex(/^\d+(-\d+)?$/, "expected milliseconds as N or MIN-MAX")
  .transform((s) => {
    const [min, max] = s.split("-").map(Number) as [number, number | undefined];
    return { minMs: min, maxMs: max ?? min };
  })
  .refine((r) => r.maxMs >= r.minMs, "MAX must be at least MIN");

export const DEFAULT_SEAMSIM_API_KEY = "seam_sim_local_development_key";

const intFromString = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const runtimeEnvSchema = z.object({
  LIBSQL_URL: z.string().url(),
  LIBSQL_AUTH_TOKEN: z.string().optional(),
  /** Origin of this deployment; alarms reach other parties through it because `room.context.parties` is unavailable there. */
  SELF_URL: z.string().url(),
  /** Shared secret for server-to-server calls between parties. */
  INTERNAL_SECRET: z.string().min(16),
  /** Signs staff session cookies. */
  SESSION_SECRET: z.string().min(16),
  LOCK_PROVIDER: z.enum(["seam"]).default("seam"),
  /** A Seam workspace's API key; unset means the local Seam simulator (party/seamsim) stands in for Seam. */
  SEAM_API_KEY: z.string().min(1).optional(),
  /** Seam's API origin; defaults to Seam's own with a key, else to the local simulator. */
  SEAM_API_URL: z.string().url().optional(),
  /** Svix signing secret (`whsec_…`) of the Seam webhook endpoint; webhooks are refused without it. */
  SEAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, "expected whsec_<base64>")
    .optional(),
  /**
   * The local simulator's own API key. It guards only simulated locks, so a fixed development
   * value is the default; never the key of a real workspace.
   */
  SEAMSIM_API_KEY: z.string().min(8).default(DEFAULT_SEAMSIM_API_KEY),
  SIM_LOCK_LATENCY_MS: z.string().default("50-200").pipe(latencyRange),
  /** Share of lock calls that fail transiently, 0..1. */
  SIM_LOCK_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Of those failures, the share that happen after the vendor stored the PIN (the response is lost). */
  SIM_LOCK_LOST_RESPONSE_SHARE: z.coerce.number().min(0).max(1).default(0.5),
  /** How long a simulated lock takes to confirm a code (`setting` -> `set`), N or MIN-MAX ms. */
  SIM_LOCK_SET_DELAY_MS: z.string().default("200-1500").pipe(latencyRange),
  /** First wait before asking the lock service whether a lock confirmed a code no webhook confirmed yet. */
  LOCK_POLL_MS: intFromString(100, 3_600_000).default(60_000),
  /** The board alerts on a code not confirmed on its lock this many minutes after arrival time. */
  LOCK_CONFIRM_ALERT_MINUTES: intFromString(1, 24 * 60).default(30),
  PIN_MAX_ATTEMPTS: intFromString(1, 50).default(5),
  PIN_RETRY_BASE_MS: intFromString(10, 600_000).default(500),
  PIN_RETRY_MAX_MS: intFromString(10, 3_600_000).default(30_000),
  // Fractions allowed so tests can expire a session in seconds.
  SESSION_EXPIRY_MINUTES: z.coerce
    .number()
    .min(0.01)
    .max(7 * 24 * 60)
    .default(120),
  /**
   * How long a check-in room keeps its storage once the session is over: from checkout for a
   * completed check-in, from the end for an expired one. Fractions allowed for tests.
   */
  ROOM_RETENTION_MINUTES: z.coerce
    .number()
    .min(0.01)
    .max(90 * 24 * 60)
    .default(24 * 60),
  /** Days after checkout that a guest's personal data is anonymised, unless the property sets its own. */
  GUEST_DATA_RETENTION_DAYS: intFromString(1, 3650).default(30),
  /**
   * The header a proxy in front of this deployment sets to the client's address and
   * overwrites when a client sends it: `cf-connecting-ip` on Cloudflare (partykit deploy).
   * Unset, no header is believed: every client is the connection itself.
   */
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, "expected a header name")
    .transform((s) => s.toLowerCase())
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Signs unsubscribe links; SESSION_SECRET when unset (rotating either invalidates every link sent). */
  MESSAGE_SECRET: z.string().min(16).optional(),
  EMAIL_PROVIDER: z.enum(["resend"]).default("resend"),
  /** A Resend API key (`re_…`); unset means the local simulator (party/messagesim) stands in for Resend. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Resend's API origin; defaults to Resend's own with a key, else to the local simulator. */
  RESEND_API_URL: z.string().url().optional(),
  /** Svix signing secret (`whsec_…`) of the Resend webhook; with a real key, webhooks are refused without it. */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, "expected whsec_<base64>")
    .optional(),
  /** The sender, on a domain verified at Resend: `Harbour House <stay@example.com>` or a bare address. */
  EMAIL_FROM: z.string().min(3).max(320).default("Frontdoor <frontdoor@frontdoor.test>"),
  SMS_PROVIDER: z.enum(["twilio"]).default("twilio"),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "expected AC followed by 32 hex digits")
    .optional(),
  /** With TWILIO_ACCOUNT_SID: Twilio's API; both unset means the local simulator. */
  TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
  /** Twilio's API origin; defaults to Twilio's own with credentials, else to the local simulator. */
  TWILIO_API_URL: z.string().url().optional(),
  /** The sending number (E.164) or alphanumeric sender id; or TWILIO_MESSAGING_SERVICE_SID instead. */
  TWILIO_FROM: z
    .string()
    .regex(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, "expected an E.164 number or a sender id")
    .optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, "expected MG followed by 32 hex digits")
    .optional(),
  /** The message simulator's answer time, N or MIN-MAX ms. */
  SIM_MESSAGE_LATENCY_MS: z.string().default("10-50").pipe(latencyRange),
  /** Share of simulated sends that answer 503 (provider down), 0..1. */
  SIM_MESSAGE_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** How long after a send the simulator posts its delivery webhooks, N or MIN-MAX ms. */
  SIM_MESSAGE_WEBHOOK_DELAY_MS: z.string().default("200-800").pipe(latencyRange),
  LOOKUP_LIMIT_PER_MINUTE: intFromString(1, 100_000).default(10),
  /** How often a property's calendar feeds are polled; fractions let tests poll every few seconds. */
  ICAL_POLL_MINUTES: z.coerce.number().min(0.02).max(60).default(15),
  /** One feed's fetch, body included, is abandoned after this long. */
  ICAL_FETCH_TIMEOUT_MS: intFromString(100, 60_000).default(10_000),
  /** A feed's body is cut off, and the feed refused, past this many bytes. */
  ICAL_MAX_BYTES: intFromString(1024, 20 * 1024 * 1024).default(2 * 1024 * 1024),
  /** "1" lets feeds be http:// and on private addresses: local development and tests only. */
  ICAL_ALLOW_LOCAL: z.enum(["0", "1"]).default("0"),
  /** Requests per minute one API key may make to /api/v1. */
  API_LIMIT_PER_MINUTE: intFromString(1, 100_000).default(120),
  /** First wait before a failed webhook delivery is retried; doubles per attempt up to an hour. */
  WEBHOOK_RETRY_BASE_MS: intFromString(100, 3_600_000).default(30_000),
  /** Development only: allow http:// and private or loopback webhook URLs (local test receivers). */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["0", "1"]).default("0"),
  /** One client's lookups of one reference: a guest's own retries fit many times over. */
  LOOKUP_LIMIT_PER_CLIENT_REF_PER_HOUR: intFromString(1, 100_000).default(10),
  /** Everyone's lookups of one reference: a ceiling on distributed guessing, never a lock on the booking. */
  LOOKUP_LIMIT_PER_REF_PER_HOUR: intFromString(1, 100_000).default(60),
});
export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

let cached: { raw: Record<string, unknown>; env: RuntimeEnv } | undefined;

export function runtimeEnv(raw: Record<string, unknown>): RuntimeEnv {
  if (cached?.raw === raw) return cached.env;
  const parsed = runtimeEnvSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid Frontdoor configuration: ${problems}`);
  }
  cached = { raw, env: parsed.data };
  return parsed.data;
}
