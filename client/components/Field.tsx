// A labelled form field with an optional hint and error, wired the GOV.UK way: the
// label is a real <label>, and hint and error are tied to the input by aria-describedby.
import { Show, splitProps, type JSX } from "solid-js";
import { text, type Words } from "../i18n";

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldMessages(props: { id: string; hint?: string; error?: Words }) {
  return (
    <>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="error-message" id={`${props.id}-error`}>
          <span class="visually-hidden">{text.errorPrefix} </span>
          {props.error?.()}
        </p>
      </Show>
    </>
  );
}

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: Words;
};

export function TextField(props: InputProps) {
  const [own, input] = splitProps(props, ["id", "label", "hint", "error", "class"]);
  return (
    <div class="field" classList={{ "field--error": !!own.error }}>
      <label class="label" for={own.id}>
        {own.label}
      </label>
      <FieldMessages id={own.id} hint={own.hint} error={own.error} />
      <input
        class={`input ${own.class ?? ""}`}
        id={own.id}
        name={own.id}
        aria-describedby={describedBy(own.id, own.hint, own.error)}
        aria-invalid={own.error ? "true" : undefined}
        {...input}
      />
    </div>
  );
}
