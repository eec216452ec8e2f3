// GOV.UK-style error summary for desk forms: what is wrong, each a link to its field,
// focused when it appears so a screen reader reads it first.
import { createEffect, For, on, Show } from "solid-js";

export type DeskFieldErrors = Record<string, string>;

export function DeskErrorSummary(props: {
  errors: DeskFieldErrors;
  labels: Record<string, string>;
  idPrefix: string;
  attempt: number;
}) {
  let box: HTMLDivElement | undefined;
  const entries = () => Object.entries(props.errors);
  // After the render that shows the new messages, so there is a box to focus.
  createEffect(
    on(
      () => props.attempt,
      () => queueMicrotask(() => entries().length > 0 && box?.focus()),
    ),
  );
  return (
    <Show when={entries().length > 0}>
      <div
        class="desk-alert desk-error-summary"
        role="alert"
        tabindex="-1"
        ref={box}
        aria-labelledby={`${props.idPrefix}-errors`}
      >
        <h2 id={`${props.idPrefix}-errors`}>There is a problem</h2>
        <ul>
          <For each={entries()}>
            {([field, message]) => (
              <li>
                <a href={`#${props.idPrefix}-${field}`}>
                  {props.labels[field] ? `${props.labels[field]}: ` : ""}
                  {message}
                </a>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}

/** A labelled input with its hint and error tied to it, as GOV.UK forms do. */
export function DeskInput(props: {
  idPrefix: string;
  field: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  type?: string;
  onInput: (value: string) => void;
  autocomplete?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}) {
  const id = () => `${props.idPrefix}-${props.field}`;
  const describedBy = () =>
    [props.hint ? `${id()}-hint` : null, props.error ? `${id()}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class="desk-field">
      <label for={id()}>{props.label}</label>
      <Show when={props.hint}>
        <span class="desk-muted desk-small" id={`${id()}-hint`}>
          {props.hint}
        </span>
      </Show>
      <Show when={props.error}>
        <span class="desk-error" id={`${id()}-error`}>
          <span class="visually-hidden">Error: </span>
          {props.error}
        </span>
      </Show>
      <input
        id={id()}
        name={props.field}
        type={props.type ?? "text"}
        value={props.value}
        autocomplete={props.autocomplete ?? "off"}
        list={props.list}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** A refusal that belongs to no one field (the network, a conflict), read out as it appears. */
export function DeskAlert(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="desk-alert" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
