// The two ways out of an add-or-edit form, and the button that opens one: the same
// words and states on every desk page, so staff learn them once.
import type { JSX } from "solid-js";

export function FormButtons(props: { busy: boolean; submitLabel: string; onCancel: () => void }) {
  return (
    <div class="booking-form__buttons">
      <button class="desk-button" type="submit" disabled={props.busy}>
        {props.submitLabel}
      </button>
      <button class="desk-button desk-button--secondary" type="button" onClick={() => props.onCancel()}>
        Close without saving
      </button>
    </div>
  );
}

/** Opens the "add" form; `open` says whether it already is, for screen readers. */
export function AddButton(props: { open: boolean; onClick: () => void; children: JSX.Element }) {
  return (
    <p>
      <button
        class="desk-button desk-button--secondary"
        type="button"
        onClick={() => props.onClick()}
        aria-expanded={props.open}
      >
        {props.children}
      </button>
    </p>
  );
}
