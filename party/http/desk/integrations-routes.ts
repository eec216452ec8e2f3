// The desk's Integrations page: managers create and revoke API keys and register and
// remove webhook endpoints, each audited; keys and secrets are shown once, in the answer
// that creates them. Everything is scoped by the manager's desk property.
import { Hono } from "hono";
import { apiKeysOf, insertApiKey, revokeApiKey } from "../../../db/queries/api-keys";
import { recordAudit } from "../../../db/queries/audit";
import {
  insertWebhookEndpoint,
  recentDeliveries,
  removeWebhookEndpoint,
  webhookEndpointsOf,
} from "../../../db/queries/webhooks";
import { makeApiKey, shownPrefix } from "../../../domain/api-key";
import { webhookUrlProblem } from "../../../domain/webhook-url";
import {
  DELIVERY_LOG_SIZE,
  deskCreateApiKeyRequest,
  deskCreateWebhookRequest,
  MAX_LIVE_API_KEYS,
  MAX_WEBHOOK_ENDPOINTS,
  type DeskCreatedApiKey,
  type DeskCreatedWebhook,
  type DeskIntegrations,
} from "../../../shared/integrations-protocol";
import { apiErrorResponse, readJsonBody } from "../../http-json";
import { randomId } from "../../random";
import { sha256Hex } from "../../sha256";
import { noProperty, requireManager, type DeskEnv } from "./context";

export const integrationsRoutes = new Hono<DeskEnv>();
integrationsRoutes.use("/integrations/*", requireManager);
integrationsRoutes.use("/integrations", requireManager);

integrationsRoutes.get("/integrations", async (c) => {
  const property = c.get("staff").property;
  if (!property) return noProperty();
  const db = c.get("db");
  const [apiKeys, endpoints, deliveries] = await Promise.all([
    apiKeysOf(db, property.id),
    webhookEndpointsOf(db, property.id),
    recentDeliveries(db, property.id, DELIVERY_LOG_SIZE),
  ]);
  const body: DeskIntegrations = { apiKeys, endpoints, deliveries };
  return c.json(body);
});

integrationsRoutes.post("/integrations/api-keys", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const body = await readJsonBody(c.req.raw, deskCreateApiKeyRequest);
  if (!body.ok) return body.response;
  const db = c.get("db");
  const live = (await apiKeysOf(db, property.id)).filter((k) => k.revokedAt === null);
  if (live.length >= MAX_LIVE_API_KEYS) {
    return apiErrorResponse(409, "too_many", `A property can have ${MAX_LIVE_API_KEYS} live keys; revoke one first.`);
  }
  const key = makeApiKey(crypto.getRandomValues(new Uint8Array(32)));
  const now = Date.now();
  const row = {
    id: `key_${randomId(12)}`,
    propertyId: property.id,
    name: body.value.name,
    prefix: shownPrefix(key),
    keyHash: await sha256Hex(key),
    createdBy: staff.staffId,
    createdAt: now,
  };
  await insertApiKey(db, row);
  await recordAudit(db, { staffId: staff.staffId, action: "apikey.create", detail: row.prefix, at: now });
  const answer: DeskCreatedApiKey = {
    apiKey: { id: row.id, name: row.name, prefix: row.prefix, createdAt: now, lastUsedAt: null, revokedAt: null },
    key,
  };
  return c.json(answer, 201);
});

integrationsRoutes.post("/integrations/api-keys/:id/revoke", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const now = Date.now();
  const db = c.get("db");
  if (!(await revokeApiKey(db, property.id, c.req.param("id"), now))) {
    return apiErrorResponse(404, "not_found", "There is no live key like that at this property.");
  }
  await recordAudit(db, { staffId: staff.staffId, action: "apikey.revoke", detail: c.req.param("id"), at: now });
  return c.json({ ok: true });
});

integrationsRoutes.post("/integrations/webhooks", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const body = await readJsonBody(c.req.raw, deskCreateWebhookRequest);
  if (!body.ok) return body.response;
  const problem = webhookUrlProblem(body.value.url, c.get("env").WEBHOOK_ALLOW_PRIVATE_URLS === "1");
  if (problem) return apiErrorResponse(400, "validation", "Check the endpoint's URL.", { fields: { url: problem } });
  const db = c.get("db");
  if ((await webhookEndpointsOf(db, property.id)).length >= MAX_WEBHOOK_ENDPOINTS) {
    return apiErrorResponse(
      409,
      "too_many",
      `A property can have ${MAX_WEBHOOK_ENDPOINTS} endpoints; remove one first.`,
    );
  }
  const now = Date.now();
  const endpoint = { id: `whe_${randomId(12)}`, url: body.value.url, createdAt: now };
  const secret = `whsec_${randomId(32)}`;
  await insertWebhookEndpoint(db, { ...endpoint, propertyId: property.id, secret, createdBy: staff.staffId });
  // The URL's host is enough to find the endpoint later; its path may carry the receiver's own token.
  await recordAudit(db, {
    staffId: staff.staffId,
    action: "webhook.create",
    detail: new URL(endpoint.url).host,
    at: now,
  });
  const answer: DeskCreatedWebhook = { endpoint, secret };
  return c.json(answer, 201);
});

integrationsRoutes.post("/integrations/webhooks/:id/remove", async (c) => {
  const staff = c.get("staff");
  const property = staff.property;
  if (!property) return noProperty();
  const now = Date.now();
  const db = c.get("db");
  if (!(await removeWebhookEndpoint(db, property.id, c.req.param("id"), now))) {
    return apiErrorResponse(404, "not_found", "There is no endpoint like that at this property.");
  }
  await recordAudit(db, { staffId: staff.staffId, action: "webhook.remove", detail: c.req.param("id"), at: now });
  return c.json({ ok: true });
});
