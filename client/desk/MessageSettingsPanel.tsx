// Managers choose which messages go out, whether door codes may travel in them, see
// each message as a guest reads it, word each in their own way, and send themselves a test.
import { createSignal, For, onMount, Show } from "solid-js";
import type { MessageSettingsBody, MessageSettingsResponse } from "../../shared/messages-protocol";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { failureMessage } from "./api";
import { messagesApi } from "./messages-api";
import { WordingEditor } from "./WordingEditor";

const TOGGLES: { key: keyof MessageSettingsBody; label: string; hint: string }[] = [
  { key: "invitation", label: "Invitation", hint: "3 days before arrival at 10:00, or at once for a later booking." },
  { key: "reminder", label: "Reminder", hint: "24 hours before arrival, only if the guest has not checked in." },
  { key: "doorCode", label: "Door code", hint: "After check-in, and again if the code or its times change." },
  { key: "codeConfirmed", label: "Code confirmed on the door", hint: "On the arrival day, once the locks report it." },
  {
    key: "codesInMessages",
    label: "Put the door code itself in messages",
    hint: "Off: messages link to the guest's stay page, which shows the code. A forwarded message can open the door.",
  },
];
const PREVIEW_TITLES: Record<string, string> = {
  invitation: "Invitation",
  reminder: "Reminder",
  "door-code": "Door code",
  "code-confirmed": "Code confirmed on the door",
};

export function MessageSettingsPanel(props: { me: DeskMe }) {
  const [data, setData] = createSignal<MessageSettingsResponse | null>(null);
  const [status, setStatus] = createSignal("");
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  onMount(async () => {
    const result = await messagesApi.settings();
    if (result.ok) setData(result.value);
    else setError(failureMessage(result.failure));
  });

  const say = (message: string) => {
    setStatus("");
    queueMicrotask(() => setStatus(message));
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body = Object.fromEntries(TOGGLES.map((t) => [t.key, form.get(t.key) === "on"])) as MessageSettingsBody;
    setBusy(true);
    const result = await messagesApi.saveSettings(body);
    setBusy(false);
    if (!result.ok) return setError(failureMessage(result.failure));
    setError("");
    setData(result.value);
    say("Message settings saved.");
  };

  const testSend = async () => {
    setBusy(true);
    const result = await messagesApi.testSend();
    setBusy(false);
    if (!result.ok) return setError(failureMessage(result.failure));
    say(`A test email is on its way to ${props.me.email}. It appears at the top of the Outbox.`);
  };

  return (
    <section class="message-settings" aria-labelledby="message-settings-title">
      <h2 id="message-settings-title">Messages</h2>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="message-settings-status">
        {status()}
      </p>
      <Show when={error()}>
        <p class="desk-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={data()}>
        {(d) => (
          <>
            <form onSubmit={save}>
              <fieldset class="message-settings__kinds">
                <legend>What Frontdoor sends guests</legend>
                <For each={TOGGLES}>
                  {(t) => (
                    <div class="message-settings__toggle">
                      <input
                        type="checkbox"
                        id={`msg-${t.key}`}
                        name={t.key}
                        checked={d().settings[t.key]}
                        aria-describedby={`msg-${t.key}-hint`}
                      />
                      <label for={`msg-${t.key}`}>{t.label}</label>
                      <p class="desk-muted" id={`msg-${t.key}-hint`}>
                        {t.hint}
                      </p>
                    </div>
                  )}
                </For>
              </fieldset>
              <div class="booking-form__buttons">
                <button type="submit" class="desk-button" disabled={busy()}>
                  Save message settings
                </button>
                <button type="button" class="desk-button desk-button--secondary" disabled={busy()} onClick={testSend}>
                  Send a test email to myself
                </button>
              </div>
            </form>
            <h3>What guests read (English, with sample links and your own wording where you wrote one)</h3>
            <For each={d().previews}>
              {(p) => (
                <details class="outbox__body">
                  <summary>{PREVIEW_TITLES[p.kind] ?? p.kind}</summary>
                  <p>
                    <strong>Subject:</strong> {p.subject}
                  </p>
                  <pre class="outbox__text">{p.emailText}</pre>
                  <p>
                    <strong>SMS</strong> ({p.smsSegments === 1 ? "1 segment" : `${p.smsSegments} segments`}):
                  </p>
                  <pre class="outbox__text">{p.sms}</pre>
                </details>
              )}
            </For>
            <WordingEditor me={props.me} />
          </>
        )}
      </Show>
    </section>
  );
}
