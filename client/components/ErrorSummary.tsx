// GOV.UK error summary: a list of what is wrong at the top of the form, each entry
// a link that puts the cursor in the field to fix. It takes focus when it appears
// so the guest hears the problems before anything else.
import { createEffect, For, on, Show } from "solid-js";
import type { FieldErrorCode } from "../../domain/field-errors";
import { text, type Words } from "../i18n";

export type FieldErrors = Partial<Record<string, Words>>;

/** The room and the shared validators speak in codes; the page shows the guest's words. */
export function wordFieldErrors(codes: Partial<Record<string, FieldErrorCode>>): FieldErrors {
  const words: FieldErrors = {};
  for (const [field, code] of Object.entries(codes)) if (code) words[field] = () => text.fieldErrors[code];
  return words;
}

export function ErrorSummary(props: { errors: FieldErrors; order: readonly string[]; attempt: number }) {
  let box: HTMLDivElement | undefined;
  // Known fields in page order; anything else the room flags still gets listed, last.
  const entries = () => {
    const keys = Object.keys(props.errors).filter((f) => props.errors[f]);
    const ordered = [...props.order.filter((f) => keys.includes(f)), ...keys.filter((f) => !props.order.includes(f))];
    return ordered.map((f) => [f, props.errors[f]!] as const);
  };
  // Focus again after every failed attempt, even when the messages are the same.
  createEffect(
    on(
      () => [props.attempt, entries().length] as const,
      ([, count]) => {
        if (count > 0) box?.focus();
      },
    ),
  );
  return (
    <Show when={entries().length > 0}>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the GOV.UK error summary names its focus target by its heading */}
      <div class="error-summary" ref={box} tabindex="-1" aria-labelledby="error-summary-title">
        <div role="alert">
          <h2 class="error-summary__title" id="error-summary-title">
            {text.errorSummaryTitle}
          </h2>
          <ul class="error-summary__list">
            <For each={entries()}>
              {([field, message]) => (
                <li>
                  <a
                    href={`#${field}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(field)?.focus();
                    }}
                  >
                    {message()}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </div>
      </div>
    </Show>
  );
}
