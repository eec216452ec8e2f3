// The HTTP front of Frontdoor, run by the main party's onFetch. Middleware gives every
// route validated config and the database; errors map to the one `apiError` shape.
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { MAX_MESSAGE_BYTES } from "../../shared/protocol/common";
import { TWILIO_WEBHOOK_MAX_BYTES } from "../messages/twilio/wire";
import { database } from "../database";
import { runtimeEnv } from "../env";
import { apiErrorResponse } from "../http-json";
import { loggableError } from "../log-safe";
import type { AppEnv } from "./app-env";
import { checkinLinkRoutes } from "./checkin-link-routes";
import { deskRoutes } from "./desk-routes";
import { IMPORT_PATH_PREFIX } from "./desk/import-routes";
import { guestRoutes } from "./guest-routes";
import { stayLinkResendRoutes } from "./stay-link-resend-routes";
import { seamWebhookRoutes } from "./seam-webhook-routes";
import { resendWebhookRoutes } from "./resend-webhook-routes";
import { twilioInboundRoutes } from "./twilio-inbound-routes";
import { twilioStatusRoutes } from "./twilio-status-routes";
import { unsubscribeRoutes } from "./unsubscribe-routes";
import { staySocketRoutes } from "./stay-socket-routes";
import { pageRoutes } from "./pages";
import { drainUnreadBody, formOnly, jsonOnly, sameOriginOnly } from "./request-guards";
import { securityHeaders } from "./security-headers";
import { isBearerApiCall } from "./v1/bearer";
import { v1Routes } from "./v1";

export const app = new Hono<AppEnv>();

app.use("*", securityHeaders);

app.use("*", async (c, next) => {
  const env = runtimeEnv(c.env.lobby.env);
  c.set("env", env);
  c.set("db", database(env));
  await next();
});

// A bookings CSV is the one body that is neither JSON nor under 16 KB: its route sets a cap of its own,
// and text/csv cannot be posted cross-site without a preflight, which sameOriginOnly refuses anyway.
const jsonMessage = every(
  jsonOnly,
  bodyLimit({
    maxSize: MAX_MESSAGE_BYTES,
    onError: () => apiErrorResponse(413, "too_large", `Request body over ${MAX_MESSAGE_BYTES} bytes`),
  }),
);
// Twilio posts its webhooks form-encoded, as a server (no Origin), with a small cap of their own.
const TWILIO_WEBHOOK_PREFIX = "/api/webhooks/twilio/";
const twilioForm = every(
  formOnly,
  bodyLimit({
    maxSize: TWILIO_WEBHOOK_MAX_BYTES,
    onError: () => apiErrorResponse(413, "too_large", `Request body over ${TWILIO_WEBHOOK_MAX_BYTES} bytes`),
  }),
);
// Servers calling /api/v1 with a key and no cookie are not browsers on our pages: see v1/bearer.ts.
app.use("/api/*", drainUnreadBody, (c, next) =>
  isBearerApiCall(c.req.raw, c.req.path) ? next() : sameOriginOnly(c, next),
);
app.use("/api/*", (c, next) => {
  if (c.req.path.startsWith(IMPORT_PATH_PREFIX)) return next();
  if (c.req.path.startsWith(TWILIO_WEBHOOK_PREFIX)) return twilioForm(c, next);
  return jsonMessage(c, next);
});

app.get("/healthz", async (c) => {
  try {
    await c.get("db").run(sql`select 1`);
    return c.json({ ok: true, database: "up" });
  } catch (err) {
    console.error(`[health] database check failed: ${loggableError(err)}`);
    return c.json({ ok: false, database: "down" }, 503);
  }
});

app.route("/api", guestRoutes);
app.route("/api", stayLinkResendRoutes);
app.route("/api", checkinLinkRoutes);
app.route("/api", staySocketRoutes);
app.route("/api/desk", deskRoutes);
app.route("/api/webhooks", seamWebhookRoutes);
app.route("/api/webhooks", resendWebhookRoutes);
app.route("/api/webhooks", twilioStatusRoutes);
app.route("/api/webhooks", twilioInboundRoutes);
app.route("/api/v1", v1Routes);

app.all("/api/*", () => apiErrorResponse(404, "not_found", "No such endpoint"));
app.route("/", unsubscribeRoutes);
app.route("/", pageRoutes);

app.onError((err) => {
  // Log the failure, not the request: bodies may hold names, phones and PINs.
  console.error(`[http] ${loggableError(err)}`);
  return apiErrorResponse(500, "internal", "Something went wrong on our side. Please try again.");
});
