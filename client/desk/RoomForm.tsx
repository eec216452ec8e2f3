// Add a room, or rename one and change its locks. The locks are picked from the devices
// the lock service lists (a manager's list); when there is none, or for a key box, the
// id is typed. The server's per-field reasons are shown beside the fields.
import { createResource, createSignal, Show } from "solid-js";
import type { DeskRoom, DeskRoomInput } from "../../shared/bookings-protocol";
import { bookingsApi } from "./bookings-api";
import { DeskAlert, DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { createDeskForm } from "./form-state";
import { FormButtons } from "./FormButtons";
import { LockPicker } from "./LockPicker";

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
  const { errors, attempt, alert, busy, check, send } = createDeskForm({ generalErrors: "alert" });
  const set = (field: Field) => (value: string) => setValues({ ...values(), [field]: value });
  // No list (another provider, the service down): the ids are typed, as before.
  const [devices] = createResource(async () => {
    const res = await bookingsApi.lockDevices();
    return res.ok ? res.value.devices : [];
  });
  const listed = (id: string) => devices()?.some((d) => d.lockId === id) ?? false;
  const [typing, setTyping] = createSignal<Record<string, boolean>>({});
  const isTyping = (name: Field) => typing()[name] ?? (values()[name] !== "" && !listed(values()[name]));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const missing: DeskFieldErrors = {};
    for (const name of Object.keys(LABELS) as Field[]) {
      if (!values()[name].trim()) missing[name] = `Enter the ${LABELS[name].toLowerCase()}`;
    }
    if (!check(missing)) return;
    const saved = await send(() => (r ? bookingsApi.editRoom(r.roomId, values()) : bookingsApi.addRoom(values())));
    if (saved) props.onSaved(values().name.trim());
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

  const lockField = (name: "frontDoorLockId" | "roomLockId") => (
    <Show when={(devices() ?? []).length > 0} fallback={field(name)}>
      <LockPicker
        idPrefix={prefix}
        field={name}
        label={LABELS[name].replace(" id", "")}
        devices={devices() ?? []}
        value={values()[name]}
        typing={isTyping(name)}
        error={errors()[name]}
        onChoose={(value, typed) => {
          setTyping({ ...typing(), [name]: typed });
          set(name)(value);
        }}
      />
    </Show>
  );

  return (
    <form class="desk-form booking-form" onSubmit={submit} novalidate aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{r ? `Edit ${r.name}` : "Add a room"}</h3>
      <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix={prefix} attempt={attempt()} />
      <DeskAlert message={alert()} />
      {field("name")}
      {lockField("frontDoorLockId")}
      {lockField("roomLockId")}
      <FormButtons busy={busy()} submitLabel={r ? "Save room" : "Add room"} onCancel={props.onCancel} />
    </form>
  );
}
