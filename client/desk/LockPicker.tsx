// A room's lock, chosen from the devices the lock service lists (with whether each is
// online and its battery), or typed: a lock the list does not show (a key box with its
// own code is a manual lock, chosen beside this). A native <select>, so keyboards and screen readers
// work as they do everywhere; the typed id appears only when asked for.
import { For, Show } from "solid-js";
import type { DeskLockDevice } from "../../shared/lock-devices-protocol";

export const TYPE_ANOTHER = "__type";

export function deviceLabel(d: DeskLockDevice): string {
  const battery = d.batteryLevel === null ? "" : `, battery ${Math.round(d.batteryLevel * 100)}%`;
  return `${d.name} (${d.online ? "online" : "offline"}${battery})`;
}

export function LockPicker(props: {
  idPrefix: string;
  field: string;
  label: string;
  devices: readonly DeskLockDevice[];
  value: string;
  /** Whether the typed-id box shows; true when the value is not one of the devices. */
  typing: boolean;
  error?: string;
  onChoose: (value: string, typing: boolean) => void;
}) {
  const id = () => `${props.idPrefix}-${props.field}`;
  const typedId = () => `${id()}-typed`;
  const errorId = () => (props.error ? `${id()}-error` : undefined);
  return (
    <div class="desk-field">
      <label for={id()}>{props.label}</label>
      <Show when={props.error}>
        <span class="desk-error" id={`${id()}-error`}>
          <span class="visually-hidden">Error: </span>
          {props.error}
        </span>
      </Show>
      <select
        id={id()}
        name={props.field}
        aria-invalid={props.error && !props.typing ? "true" : undefined}
        aria-describedby={errorId()}
        onChange={(e) => {
          const v = e.currentTarget.value;
          props.onChoose(v === TYPE_ANOTHER ? "" : v, v === TYPE_ANOTHER);
        }}
      >
        <option value="" selected={!props.typing && props.value === ""}>
          Choose a lock
        </option>
        <For each={props.devices}>
          {(d) => (
            <option value={d.lockId} selected={!props.typing && props.value === d.lockId}>
              {deviceLabel(d)}
            </option>
          )}
        </For>
        <option value={TYPE_ANOTHER} selected={props.typing}>
          Another lock: type its id
        </option>
      </select>
      <Show when={props.typing}>
        <label for={typedId()}>{props.label}, typed</label>
        <input
          id={typedId()}
          name={`${props.field}Typed`}
          type="text"
          autocomplete="off"
          value={props.value}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={errorId()}
          onInput={(e) => props.onChoose(e.currentTarget.value, true)}
        />
      </Show>
    </div>
  );
}
