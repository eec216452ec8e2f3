// The Outbox: every message the property sent or means to send, newest first, with its
// status in plain words and the body as the guest got it. With no provider configured it
// is the whole story, like a mail catcher. Managers also get the Messages settings.
import { createSignal, For, onMount, Show } from "solid-js";
import type { OutboxMessage } from "../../shared/messages-protocol";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { failureMessage } from "./api";
import { MessageSettingsPanel } from "./MessageSettingsPanel";
import { messagesApi } from "./messages-api";
import "./bookings.css";
import "./outbox.css";

const KIND_WORDS: Record<OutboxMessage["kind"], string> = {
  invitation: "Invitation",
  reminder: "Reminder",
  "door-code": "Door code",
  "code-confirmed": "Code confirmed on the door",
  test: "Test",
};
const STATUS_WORDS: Record<OutboxMessage["status"], string> = {
  scheduled: "Waiting to send",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  bounced: "Bounced",
  suppressed: "Not sent",
};
const REMOVED = "(removed)";

export default function OutboxPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const [messages, setMessages] = createSignal<OutboxMessage[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [error, setError] = createSignal("");
  const [notice, setNotice] = createSignal("");
  const [loading, setLoading] = createSignal(true);
  const when = (ms: number) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: props.me.timeZone }).format(
      new Date(ms),
    );

  const load = async (more: boolean) => {
    setLoading(true);
    const result = await messagesApi.outbox(more ? (cursor() ?? undefined) : undefined);
    setLoading(false);
    if (!result.ok) return setError(failureMessage(result.failure));
    setError("");
    setMessages(more ? [...messages(), ...result.value.messages] : result.value.messages);
    setCursor(result.value.nextCursor);
    setNotice(`${messages().length} messages shown.`);
  };

  onMount(() => {
    document.title = `Outbox – ${props.me.propertyName}`;
    heading.focus();
    void load(false);
  });

  return (
    <div class="outbox">
      <h1 ref={heading} tabindex="-1">
        Outbox
      </h1>
      <p>
        Every invitation, reminder and door-code message, newest first, with what the provider reported. With no email
        or SMS account configured they go to the local simulator, and this page shows what guests would receive.
      </p>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="outbox-notice">
        {notice()}
      </p>
      <p>
        <button type="button" class="desk-button desk-button--secondary" onClick={() => load(false)}>
          Refresh
        </button>
      </p>
      <Show when={error()}>
        <p class="desk-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={!loading() && messages().length === 0 && !error()}>
        <p>No messages yet.</p>
      </Show>
      <ol class="outbox__list" aria-label="Messages, newest first">
        <For each={messages()}>
          {(m) => (
            <li
              class="outbox__item"
              data-kind={m.kind}
              data-channel={m.channel}
              data-status={m.status}
              data-booking={m.bookingRef ?? ""}
            >
              <h2 class="outbox__title">
                {KIND_WORDS[m.kind]} by {m.channel === "email" ? "email" : "SMS"}
                <Show when={m.bookingRef}> for {m.bookingRef}</Show>
              </h2>
              <dl class="outbox__facts">
                <div>
                  <dt>To</dt>
                  <dd>{m.recipient ?? REMOVED}</dd>
                </div>
                <div>
                  <dt>Language</dt>
                  <dd>{m.language}</dd>
                </div>
                <div>
                  <dt>Status</dt>
                  <dd>
                    <strong class={`outbox__status outbox__status--${m.status}`}>{STATUS_WORDS[m.status]}</strong>
                    <Show when={m.statusDetail}>: {m.statusDetail}</Show>
                  </dd>
                </div>
                <div>
                  <dt>{m.status === "scheduled" ? "Due" : "Updated"}</dt>
                  <dd>{when(m.status === "scheduled" ? m.sendAt : m.updatedAt)}</dd>
                </div>
                <Show when={m.channel === "email"}>
                  <div>
                    <dt>Subject</dt>
                    <dd>{m.subject ?? REMOVED}</dd>
                  </div>
                </Show>
              </dl>
              <details class="outbox__body">
                <summary>
                  Message text<span class="visually-hidden"> of the {KIND_WORDS[m.kind].toLowerCase()}</span>
                </summary>
                <pre class="outbox__text">{m.bodyText ?? REMOVED}</pre>
                <Show when={m.bodyHtml}>
                  {(html) => (
                    <iframe
                      class="outbox__html"
                      title={`Email preview: ${m.subject ?? KIND_WORDS[m.kind]}`}
                      sandbox=""
                      srcdoc={html()}
                    />
                  )}
                </Show>
              </details>
            </li>
          )}
        </For>
      </ol>
      <Show when={cursor()}>
        <p>
          <button type="button" class="desk-button desk-button--secondary" onClick={() => load(true)}>
            Show older messages
          </button>
        </p>
      </Show>
      <Show when={props.me.role === "manager"}>
        <MessageSettingsPanel me={props.me} />
      </Show>
    </div>
  );
}
