// A manager's own wording for one message kind in one language: edit the three templates,
// see the server render them as the sender will (with the SMS's segments), save, go back to
// the standard words, and send the saved words to their own email as a test.
import { createSignal, For, on, onCleanup, Show, createEffect } from "solid-js";
import type { Language } from "../../domain/languages";
import { LANGUAGES } from "../../domain/languages";
import type { WordingBody, WordingPreview, WordingResponse } from "../../shared/messages-protocol";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { failureMessage } from "./api";
import { DeskErrorSummary } from "./DeskErrorSummary";
import { createDeskForm } from "./form-state";
import { messagesApi } from "./messages-api";

const KINDS = [
  { kind: "invitation", label: "Invitation" },
  { kind: "reminder", label: "Reminder" },
  { kind: "door-code", label: "Door code" },
  { kind: "code-confirmed", label: "Code confirmed on the door" },
] as const;

// The desk is in English, so languages are named in English here.
const LANGUAGE_LABELS: Record<Language, string> = {
  en: "English",
  es: "Spanish",
  fr: "French",
  de: "German",
  it: "Italian",
  pt: "Portuguese",
  nl: "Dutch",
  pl: "Polish",
  zh: "Chinese (Simplified)",
  ja: "Japanese",
  ar: "Arabic",
};

type Field = keyof WordingBody;
const PREFIX = "wording";
const LABELS: Record<Field, string> = { subject: "Email subject", body: "Email text", sms: "SMS" };
const PREVIEW_DELAY_MS = 400;

const segments = (p: WordingPreview) =>
  `${p.smsSegments === 1 ? "1 segment" : `${p.smsSegments} segments`} (${p.smsEncoding === "gsm-7" ? "GSM-7" : "UCS-2"})`;

export function WordingEditor(props: { me: DeskMe }) {
  const [kind, setKind] = createSignal<string>("invitation");
  const [language, setLanguage] = createSignal<Language>("en");
  const [loaded, setLoaded] = createSignal<WordingResponse | null>(null);
  const [draft, setDraft] = createSignal<WordingBody>({ subject: "", body: "", sms: "" });
  const [preview, setPreview] = createSignal<WordingPreview | null>(null);
  const [previewProblems, setPreviewProblems] = createSignal<Record<string, string>>({});
  const [status, setStatus] = createSignal("");
  const form = createDeskForm({ generalErrors: "alert" });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let previewSeq = 0;
  onCleanup(() => clearTimeout(timer));

  const say = (message: string) => {
    setStatus("");
    queueMicrotask(() => setStatus(message));
  };

  const show = (w: WordingResponse) => {
    setLoaded(w);
    setDraft({ ...w.wording });
    setPreview(w.preview);
    setPreviewProblems({});
  };

  createEffect(
    on([kind, language], async ([k, l]) => {
      clearTimeout(timer);
      previewSeq++;
      // No typing into the previous message's form while this one loads.
      setLoaded(null);
      const result = await messagesApi.wording(k, l);
      if (k !== kind() || l !== language()) return;
      form.check({});
      if (result.ok) show(result.value);
      else say(failureMessage(result.failure));
    }),
  );

  const refreshPreview = async () => {
    const seq = ++previewSeq;
    const result = await messagesApi.previewWording(kind(), language(), draft());
    if (seq !== previewSeq || !result.ok) return;
    setPreviewProblems(result.value.problems);
    if (result.value.preview) setPreview(result.value.preview);
  };

  const edit = (field: Field) => (value: string) => {
    setDraft({ ...draft(), [field]: value });
    clearTimeout(timer);
    timer = setTimeout(() => void refreshPreview(), PREVIEW_DELAY_MS);
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    clearTimeout(timer);
    previewSeq++;
    const saved = await form.send(() => messagesApi.saveWording(kind(), language(), draft()));
    if (!saved) return;
    show(saved.value);
    say(`Your wording of the ${kindLabel().toLowerCase()} in ${LANGUAGE_LABELS[language()]} is saved.`);
  };

  const reset = async () => {
    clearTimeout(timer);
    previewSeq++;
    const result = await form.send(() => messagesApi.resetWording(kind(), language()));
    if (!result) return;
    show(result.value);
    say(`The ${kindLabel().toLowerCase()} in ${LANGUAGE_LABELS[language()]} uses the standard wording again.`);
  };

  const testSend = async () => {
    const sent = await form.send(() => messagesApi.testWording(kind(), language()));
    if (!sent) return;
    say(
      `A test of the saved ${kindLabel().toLowerCase()} is on its way to ${sent.value.to}. It is at the top of the Outbox.`,
    );
  };

  const kindLabel = () => KINDS.find((k) => k.kind === kind())?.label ?? kind();
  const placeholders = () => (loaded()?.placeholders ?? []).map((p) => `{${p}}`).join(", ");
  const dirty = () => {
    const w = loaded()?.wording;
    const d = draft();
    return !w || w.subject !== d.subject || w.body !== d.body || w.sms !== d.sms;
  };
  const liveProblems = () => Object.entries(previewProblems());

  const textField = (field: Field, rows: number, hint: string) => {
    const id = `${PREFIX}-${field}`;
    const error = () => form.errors()[field];
    const describedBy = () => [`${id}-hint`, error() ? `${id}-error` : null].filter(Boolean).join(" ");
    return (
      <div class="desk-field">
        <label for={id}>{LABELS[field]}</label>
        <span class="desk-muted desk-small" id={`${id}-hint`}>
          {hint}
        </span>
        <Show when={error()}>
          <span class="desk-error" id={`${id}-error`}>
            <span class="visually-hidden">Error: </span>
            {error()}
          </span>
        </Show>
        {rows === 1 ? (
          <input
            id={id}
            name={field}
            type="text"
            lang={language()}
            dir="auto"
            autocomplete="off"
            value={draft()[field]}
            aria-invalid={error() ? "true" : undefined}
            aria-describedby={describedBy()}
            onInput={(e) => edit(field)(e.currentTarget.value)}
          />
        ) : (
          <textarea
            id={id}
            name={field}
            rows={rows}
            lang={language()}
            dir="auto"
            class="wording__text"
            value={draft()[field]}
            aria-invalid={error() ? "true" : undefined}
            aria-describedby={describedBy()}
            onInput={(e) => edit(field)(e.currentTarget.value)}
          />
        )}
      </div>
    );
  };

  return (
    <section class="wording" aria-labelledby="wording-title">
      <h3 id="wording-title">Wording</h3>
      <p>
        Write a message in your own words, for one language at a time. Languages you do not change keep the standard
        wording. Every email still gets the link as a button, your property's name and phone, and the unsubscribe link.
      </p>
      <div class="wording__choice">
        <div class="desk-field">
          <label for="wording-kind">Message</label>
          <select id="wording-kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value)}>
            <For each={KINDS}>{(k) => <option value={k.kind}>{k.label}</option>}</For>
          </select>
        </div>
        <div class="desk-field">
          <label for="wording-language">Language</label>
          <select
            id="wording-language"
            value={language()}
            onChange={(e) => setLanguage(e.currentTarget.value as Language)}
          >
            <For each={LANGUAGES}>{(l) => <option value={l}>{LANGUAGE_LABELS[l]}</option>}</For>
          </select>
        </div>
      </div>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="wording-status">
        {status()}
      </p>
      <Show when={form.alert()}>
        <p class="desk-alert" role="alert">
          {form.alert()}
        </p>
      </Show>
      <Show when={loaded()}>
        {(w) => (
          <>
            <p data-testid="wording-source">
              <strong>{w().custom ? "Your own wording" : "Standard wording"}</strong>
              {w().custom ? "" : ": change it below to write your own."}
            </p>
            <DeskErrorSummary errors={form.errors()} labels={LABELS} idPrefix={PREFIX} attempt={form.attempt()} />
            <form class="wording__form" onSubmit={save} novalidate>
              {textField("subject", 1, `Placeholders: ${placeholders()}.`)}
              {textField(
                "body",
                8,
                "Leave a blank line between paragraphs. The link, your phone and the unsubscribe link come after it.",
              )}
              {textField(
                "sms",
                3,
                "Must include {property} and {link}, and fit in 2 segments (160 characters each without accents).",
              )}
              <div class="booking-form__buttons">
                <button type="submit" class="desk-button" disabled={form.busy()}>
                  Save wording
                </button>
                <Show when={w().custom}>
                  <button
                    type="button"
                    id="wording-reset"
                    class="desk-button desk-button--secondary"
                    disabled={form.busy()}
                    onClick={reset}
                  >
                    Reset to the standard wording
                  </button>
                </Show>
              </div>
            </form>
            <h4>Preview</h4>
            <p class="desk-muted">
              As the guest reads it, with a sample link and arrival date.
              <Show when={dirty()}> Not saved yet.</Show>
            </p>
            <Show when={liveProblems().length > 0}>
              <div class="wording__problems" data-testid="wording-problems">
                <p>Before you save:</p>
                <ul>
                  <For each={liveProblems()}>{([, message]) => <li>{message}</li>}</For>
                </ul>
              </div>
            </Show>
            <Show when={preview()}>
              {(p) => (
                <div class="wording__preview" data-testid="wording-preview">
                  <p>
                    <strong>Subject:</strong> <span lang={language()}>{p().subject}</span>
                  </p>
                  <iframe class="outbox__html" title="Email preview" sandbox="" srcdoc={p().emailHtml} />
                  <details class="outbox__body">
                    <summary>Email as plain text</summary>
                    <pre class="outbox__text" lang={language()}>
                      {p().emailText}
                    </pre>
                  </details>
                  <p data-testid="wording-sms-segments">
                    <strong>SMS</strong>: {segments(p())}
                  </p>
                  <pre class="outbox__text" lang={language()}>
                    {p().sms}
                  </pre>
                </div>
              )}
            </Show>
            <h4>Test</h4>
            <p>
              Sends the saved wording with sample data to your own email, {props.me.email}, through the same provider as
              guests' messages. It shows in the Outbox as a test.
            </p>
            <p>
              <button
                type="button"
                id="wording-test"
                class="desk-button desk-button--secondary"
                disabled={form.busy()}
                onClick={testSend}
              >
                Send a test to me
              </button>
            </p>
            <p class="desk-muted">
              There is no test SMS: staff accounts have no phone number. The preview above shows the SMS as sent.
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
