// Managers connect other systems here: API keys for /api/v1 (created, shown once,
// revoked after a confirm step) and webhook endpoints with their signing secret (shown
// once) and the latest deliveries: status code, attempts and the next retry.
import { createResource, createSignal, For, onMount, Show } from "solid-js";
import { DeskTable } from "./DeskTable";
import type { DeskMe } from "../../shared/protocol/desk-http";
import type { DeskApiKey, DeskWebhookEndpoint } from "../../shared/integrations-protocol";
import { failureMessage } from "./api";
import { integrationsApi } from "./integrations-api";
import { OneFieldForm } from "./OneFieldForm";
import { ShownOncePanel } from "./ShownOncePanel";
import "./bookings.css";
import "./staff.css";

const when = (ms: number | null) =>
  ms === null ? "Never" : new Date(ms).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

type Confirming = { kind: "key"; key: DeskApiKey } | { kind: "endpoint"; endpoint: DeskWebhookEndpoint };

export default function IntegrationsPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const [data, { refetch }] = createResource(async () => {
    const result = await integrationsApi.load();
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value;
  });
  const [shownKey, setShownKey] = createSignal<string | null>(null);
  const [shownSecret, setShownSecret] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal<Confirming | null>(null);
  const [notice, setNotice] = createSignal("");

  onMount(() => {
    document.title = `Integrations – ${props.me.propertyName}`;
    heading.focus();
  });

  const announce = (message: string) => {
    setNotice("");
    queueMicrotask(() => setNotice(message));
  };

  const confirm = async (c: Confirming) => {
    const result =
      c.kind === "key" ? await integrationsApi.revokeKey(c.key.id) : await integrationsApi.removeWebhook(c.endpoint.id);
    setConfirming(null);
    if (!result.ok) return announce(failureMessage(result.failure));
    announce(c.kind === "key" ? `The key “${c.key.name}” is revoked.` : "The endpoint is removed.");
    void refetch();
  };

  return (
    <div class="staff integrations">
      <h1 ref={heading} tabindex="-1">
        Integrations
      </h1>
      <p>
        Connect your property management system or channel manager to Frontdoor's API. The API's description is at{" "}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="integrations-notice">
        {notice()}
      </p>

      <Show when={confirming()} keyed>
        {(c) => (
          <section class="staff-confirm" role="alertdialog" aria-labelledby="integrations-confirm-title">
            <h2 id="integrations-confirm-title">
              {c.kind === "key" ? `Revoke the key “${c.key.name}”?` : "Remove this webhook endpoint?"}
            </h2>
            <p>
              {c.kind === "key"
                ? "Any system using it is refused from the next request. This cannot be undone."
                : "Frontdoor stops sending events to it, including retries still waiting."}
            </p>
            <div class="booking-form__buttons">
              <button type="button" class="desk-button desk-button--warning" onClick={() => confirm(c)}>
                {c.kind === "key" ? "Yes, revoke the key" : "Yes, remove the endpoint"}
              </button>
              <button type="button" class="desk-button desk-button--secondary" onClick={() => setConfirming(null)}>
                {c.kind === "key" ? "Keep the key" : "Keep the endpoint"}
              </button>
            </div>
          </section>
        )}
      </Show>

      <Show when={data.error}>
        <p class="desk-error" role="alert">
          {(data.error as Error).message}
        </p>
      </Show>

      <section aria-labelledby="api-keys-title">
        <h2 id="api-keys-title">API keys</h2>
        <OneFieldForm
          idPrefix="api-key"
          title="Create an API key"
          field="name"
          label="Key name"
          hint="Say which system will use it, like “Channel manager”."
          missing="Enter a name for the key"
          submitLabel="Create key"
          submit={(name) => integrationsApi.createKey(name)}
          onDone={(created) => {
            setShownKey(created.key);
            announce(`The key “${created.apiKey.name}” is created. Copy it now: it is shown only once.`);
            void refetch();
          }}
        />
        <Show when={shownKey()} keyed>
          {(key) => (
            <ShownOncePanel
              id="new-api-key"
              title="Your new API key"
              label="API key"
              value={key}
              onClose={() => setShownKey(null)}
            />
          )}
        </Show>
        <Show when={data.latest}>
          {(d) => (
            <Show when={d().apiKeys.length > 0} fallback={<p>No API keys yet.</p>}>
              <DeskTable
                columns={["Name", "Key starts", "Created", "Last used", "Status", { hidden: "Actions" }]}
                rows={d().apiKeys}
                testId="api-keys-table"
                labelledBy="api-keys-title"
              >
                {(k) => (
                  <tr data-key-id={k.id}>
                    <th scope="row">{k.name}</th>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>{when(k.createdAt)}</td>
                    <td>{when(k.lastUsedAt)}</td>
                    <td>{k.revokedAt === null ? "Live" : `Revoked ${when(k.revokedAt)}`}</td>
                    <td class="bookings__actions">
                      <Show when={k.revokedAt === null}>
                        <button
                          type="button"
                          class="desk-button desk-button--small desk-button--secondary"
                          onClick={() => setConfirming({ kind: "key", key: k })}
                        >
                          Revoke<span class="visually-hidden"> the key {k.name}</span>
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </DeskTable>
            </Show>
          )}
        </Show>
      </section>

      <section aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">Webhooks</h2>
        <p>
          Frontdoor sends <code>checkin.completed</code>, <code>checkin.failed</code> and{" "}
          <code>reservation.changed</code> to each endpoint, signed in the <code>Frontdoor-Signature</code> header, and
          retries for up to 24 hours.
        </p>
        <OneFieldForm
          idPrefix="webhook"
          title="Add an endpoint"
          field="url"
          label="Endpoint URL"
          hint="An https:// address on the public internet."
          type="url"
          missing="Enter the endpoint's URL"
          submitLabel="Add endpoint"
          submit={(url) => integrationsApi.addWebhook(url)}
          onDone={(created) => {
            setShownSecret(created.secret);
            announce("The endpoint is added. Copy its signing secret now: it is shown only once.");
            void refetch();
          }}
        />
        <Show when={shownSecret()} keyed>
          {(secret) => (
            <ShownOncePanel
              id="new-webhook-secret"
              title="The endpoint's signing secret"
              label="Signing secret"
              value={secret}
              onClose={() => setShownSecret(null)}
            />
          )}
        </Show>
        <Show when={data.latest}>
          {(d) => (
            <>
              <Show when={d().endpoints.length > 0} fallback={<p>No endpoints yet.</p>}>
                <ul class="integrations__endpoints" data-testid="webhook-endpoints">
                  <For each={d().endpoints}>
                    {(e) => (
                      <li>
                        <code>{e.url}</code>{" "}
                        <button
                          type="button"
                          class="desk-button desk-button--small desk-button--secondary"
                          onClick={() => setConfirming({ kind: "endpoint", endpoint: e })}
                        >
                          Remove<span class="visually-hidden"> the endpoint {e.url}</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h3 id="deliveries-title">Latest deliveries</h3>
              <Show when={d().deliveries.length > 0} fallback={<p>Nothing sent yet.</p>}>
                <DeskTable
                  columns={["Event", "Endpoint", "Status", "Attempts", "Last answer", "Next retry"]}
                  rows={d().deliveries}
                  testId="deliveries-table"
                  labelledBy="deliveries-title"
                >
                  {(x) => (
                    <tr>
                      <th scope="row">
                        {x.eventType}
                        <span class="desk-muted desk-small"> {when(x.createdAt)}</span>
                      </th>
                      <td>
                        <code>{new URL(x.url).host}</code>
                      </td>
                      <td>{x.status === "delivered" ? "Delivered" : x.status === "failed" ? "Failed" : "Waiting"}</td>
                      <td>{x.attempts}</td>
                      <td>{x.lastStatusCode ?? x.lastError ?? "—"}</td>
                      <td>{x.status === "pending" ? when(x.nextAttemptAt) : "—"}</td>
                    </tr>
                  )}
                </DeskTable>
              </Show>
            </>
          )}
        </Show>
      </section>
    </div>
  );
}
