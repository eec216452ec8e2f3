// One lock of a room: a smart lock (a device of the lock service, picked or typed) or a
// manual code (one of the property's key boxes or keypads, by name). A GOV.UK-style
// radio group; the manual choice's <select> carries the field's id, so the error
// summary's link lands on it.
import { For, type JSX, Show } from "solid-js";
import { isManualLockId } from "../../domain/manual-lock";
import type { DeskManualLock } from "../../shared/manual-lock-protocol";

export type LockKind = "smart" | "manual";

export const lockKindOf = (lockId: string): LockKind => (isManualLockId(lockId) ? "manual" : "smart");

export function LockKindField(props: {
  idPrefix: string;
  field: string;
  /** "Front door lock", "Room lock". */
  legend: string;
  kind: LockKind;
  manualLocks: readonly DeskManualLock[];
  value: string;
  error?: string;
  onKind: (kind: LockKind) => void;
  onChoose: (lockId: string) => void;
  /** The smart-lock picker or typed id, shown for "smart". */
  smart: JSX.Element;
}) {
  const id = () => `${props.idPrefix}-${props.field}`;
  const radio = (kind: LockKind, label: string) => (
    <div class="desk-radio">
      <input
        type="radio"
        id={`${id()}-kind-${kind}`}
        name={`${props.field}Kind`}
        value={kind}
        checked={props.kind === kind}
        onChange={() => props.onKind(kind)}
      />
      <label for={`${id()}-kind-${kind}`}>{label}</label>
    </div>
  );
  return (
    <fieldset class="desk-field lock-kind">
      <legend>{props.legend}</legend>
      {radio("smart", "Smart lock (Seam device)")}
      {radio("manual", "Manual code (key box or keypad)")}
      <Show when={props.kind === "manual"} fallback={props.smart}>
        <div class="desk-field">
          <label for={id()}>{props.legend}: manual lock</label>
          <Show when={props.error}>
            <span class="desk-error" id={`${id()}-error`}>
              <span class="visually-hidden">Error: </span>
              {props.error}
            </span>
          </Show>
          <Show when={props.manualLocks.length === 0}>
            <span class="desk-muted desk-small" id={`${id()}-none`}>
              No manual locks yet: add one under Manual locks first.
            </span>
          </Show>
          <select
            id={id()}
            name={props.field}
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={
              [props.error ? `${id()}-error` : null, props.manualLocks.length === 0 ? `${id()}-none` : null]
                .filter(Boolean)
                .join(" ") || undefined
            }
            onChange={(e) => props.onChoose(e.currentTarget.value)}
          >
            <option value="" selected={props.value === ""}>
              Choose a manual lock
            </option>
            <For each={props.manualLocks}>
              {(l) => (
                <option value={l.lockId} selected={props.value === l.lockId}>
                  {l.name}
                </option>
              )}
            </For>
          </select>
        </div>
      </Show>
    </fieldset>
  );
}
