// The Integrations page's HTTP calls (managers only), through the desk's one fetch helper.
import { z } from "zod/mini";
import { deskCreatedApiKey, deskCreatedWebhook, deskIntegrations } from "../../shared/integrations-protocol";
import { call } from "./api";

const ok = z.looseObject({ ok: z.literal(true) });
const id = (value: string) => encodeURIComponent(value);

export const integrationsApi = {
  load: () => call("/integrations", deskIntegrations),
  createKey: (name: string) => call("/integrations/api-keys", deskCreatedApiKey, { method: "POST", body: { name } }),
  revokeKey: (keyId: string) => call(`/integrations/api-keys/${id(keyId)}/revoke`, ok, { method: "POST" }),
  addWebhook: (url: string) => call("/integrations/webhooks", deskCreatedWebhook, { method: "POST", body: { url } }),
  removeWebhook: (endpointId: string) =>
    call(`/integrations/webhooks/${id(endpointId)}/remove`, ok, { method: "POST" }),
};
