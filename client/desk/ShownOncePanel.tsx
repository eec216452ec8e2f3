// A secret shown to the manager once (an API key, a webhook signing secret) with a Copy
// button. The server keeps only a hash of a key, so closing this panel loses it.
import { createSignal } from "solid-js";

export function ShownOncePanel(props: {
  id: string;
  title: string;
  label: string;
  value: string;
  onClose: () => void;
}) {
  const [copied, setCopied] = createSignal("");
  const copy = async () => {
    setCopied("");
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied("Copied.");
    } catch {
      setCopied("Couldn't copy. Select the text and copy it yourself.");
    }
  };
  return (
    <section class="password-link" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <p>Copy it now and keep it somewhere safe. This is the only time it is shown.</p>
      <div class="desk-field">
        <label for={`${props.id}-value`}>{props.label}</label>
        <input id={`${props.id}-value`} type="text" readOnly value={props.value} />
      </div>
      <div class="booking-form__buttons">
        <button type="button" class="desk-button desk-button--small" onClick={copy}>
          Copy<span class="visually-hidden"> {props.label}</span>
        </button>
        <button type="button" class="desk-button desk-button--small desk-button--secondary" onClick={props.onClose}>
          Done<span class="visually-hidden">, I have copied it</span>
        </button>
      </div>
      <p class="desk-small" role="status">
        {copied()}
      </p>
    </section>
  );
}
