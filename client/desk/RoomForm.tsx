// Add a room, or rename one and change its lock ids. Lock ids are free text until the
// lock adapters offer a picker; the server's per-field reasons are shown beside the fields.
import { createSignal, Show } from "solid-js";
import type { DeskRoom, DeskRoomInput } from "../../shared/bookings-protocol";
import { failureMessage } from "./api";
import { bookingsApi } from "./bookings-api";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";

type Field = keyof DeskRoomInput;

const LABELS: Record<Field, string> = {
  name: "Room name",
  frontDoorLockId: "Front door lock id",
  roomLockId: "Room lock id",
};

export function RoomForm(props: { editing: DeskRoom | null; onSaved: (name: string) => void; onCancel: () => void }) {
  const r = props.editing;
  const prefix = r ? "room-edit" : "room-add";
  const [values, setValues] = createSignal<DeskRoomInput>({
    name: r?.name ?? "",
    frontDoorLockId: r?.frontDoorLockId ?? "",
    roomLockId: r?.roomLockId ?? "",
  });
  const [errors, setErrors] = createSignal<DeskFieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const set = (field: Field) => (value: string) => setValues({ ...values(), [field]: value });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const missing: DeskFieldErrors = {};
    for (const name of Object.keys(LABELS) as Field[]) {
      if (!values()[name].trim()) missing[name] = `Enter the ${LABELS[name].toLowerCase()}`;
    }
    setErrors(missing);
    setAlert(null);
    setAttempt(attempt() + 1);
    if (Object.keys(missing).length) return;
    setBusy(true);
    const result = r ? await bookingsApi.editRoom(r.roomId, values()) : await bookingsApi.addRoom(values());
    setBusy(false);
    if (result.ok) return props.onSaved(values().name.trim());
    const f = result.failure;
    if (f.kind === "status" && f.fields) setErrors(f.fields);
    else setAlert(failureMessage(f));
    setAttempt(attempt() + 1);
  };

  const field = (name: Field) => (
    <DeskInput
      idPrefix={prefix}
      field={name}
      label={LABELS[name]}
      value={values()[name]}
      error={errors()[name]}
      onInput={set(name)}
    />
  );

  return (
    <form class="desk-form booking-form" onSubmit={submit} novalidate aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{r ? `Edit ${r.name}` : "Add a room"}</h3>
      <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix={prefix} attempt={attempt()} />
      <Show when={alert()}>
        <p class="desk-alert" role="alert">
          {alert()}
        </p>
      </Show>
      {field("name")}
      {field("frontDoorLockId")}
      {field("roomLockId")}
      <div class="booking-form__buttons">
        <button class="desk-button" type="submit" disabled={busy()}>
          {r ? "Save room" : "Add room"}
        </button>
        <button class="desk-button desk-button--secondary" type="button" onClick={() => props.onCancel()}>
          Close without saving
        </button>
      </div>
    </form>
  );
}
