// Add a room, or rename one and change its locks. Each lock is a smart lock, picked from
// the devices the lock service lists (or typed when there is no list), or a manual code:
// one of the property's key boxes or keypads. The server's per-field reasons are shown
// beside the fields.
import { createResource, createSignal, Show } from "solid-js";
import type { DeskRoom, DeskRoomInput } from "../../shared/bookings-protocol";
import { bookingsApi } from "./bookings-api";
import { DeskAlert, DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { createDeskForm } from "./form-state";
import { FormButtons } from "./FormButtons";
import { LockKindField, lockKindOf, type LockKind } from "./LockKindField";
import { LockPicker } from "./LockPicker";
import { manualLocksResource } from "./ManualLocksPanel";

type Field = keyof DeskRoomInput;
type LockField = "frontDoorLockId" | "roomLockId";

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
  const [manualLocks] = manualLocksResource();
  const [kinds, setKinds] = createSignal<Record<LockField, LockKind>>({
    frontDoorLockId: lockKindOf(r?.frontDoorLockId ?? ""),
    roomLockId: lockKindOf(r?.roomLockId ?? ""),
  });
  // Switching kind forgets the other kind's choice: a manual id is never sent as a device, nor the reverse.
  const chooseKind = (name: LockField) => (kind: LockKind) => {
    setKinds({ ...kinds(), [name]: kind });
    if (lockKindOf(values()[name]) !== kind) set(name)("");
  };
  const isTyping = (name: Field) => typing()[name] ?? (values()[name] !== "" && !listed(values()[name]));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const missing: DeskFieldErrors = {};
    for (const name of Object.keys(LABELS) as Field[]) {
      if (values()[name].trim()) continue;
      missing[name] =
        name !== "name" && kinds()[name] === "manual"
          ? `Choose the manual lock for the ${name === "frontDoorLockId" ? "front door" : "room"}`
          : `Enter the ${LABELS[name].toLowerCase()}`;
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

  const smartField = (name: LockField) => (
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

  const lockField = (name: LockField) => (
    <LockKindField
      idPrefix={prefix}
      field={name}
      legend={LABELS[name].replace(" id", "")}
      kind={kinds()[name]}
      manualLocks={manualLocks() ?? []}
      value={values()[name]}
      error={errors()[name]}
      onKind={chooseKind(name)}
      onChoose={set(name)}
      smart={smartField(name)}
    />
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
