// The property's rooms with their lock ids. Managers add, edit, retire and delete them;
// the server refuses to retire or delete a room whose bookings are still to come, and its
// reason is announced as it is worded.
import { createResource, createSignal, Show } from "solid-js";
import type { DeskRoom } from "../../shared/bookings-protocol";
import { failureMessage } from "./api";
import { bookingsApi } from "./bookings-api";
import { RoomCalendars } from "./RoomCalendars";
import { RoomForm } from "./RoomForm";
import { DeskTable } from "./DeskTable";
import { AddButton } from "./FormButtons";
import { manualLocksResource } from "./ManualLocksPanel";

export function RoomsPanel(props: { canEdit: boolean; announce: (message: string) => void }) {
  const [rooms, { refetch }] = createResource(async () => {
    const result = await bookingsApi.rooms();
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value.rooms;
  });
  const [manualLocks, { refetch: refetchManualLocks }] = manualLocksResource();
  /** A manual lock by its name; a smart lock by its device id. */
  const lockText = (lockId: string) => {
    const manual = manualLocks()?.find((l) => l.lockId === lockId);
    return manual ? `${manual.name} (manual code)` : lockId;
  };
  const [form, setForm] = createSignal<{ editing: DeskRoom | null } | null>(null);

  const saved = (name: string, wasEditing: boolean) => {
    setForm(null);
    props.announce(wasEditing ? `${name} saved.` : `${name} added.`);
    void refetch();
    // A manual lock added since the page opened is named, not shown as its id.
    void refetchManualLocks();
  };

  const act = async (r: DeskRoom, action: "retire" | "delete") => {
    const question =
      action === "retire"
        ? `Retire ${r.name}? It will no longer be offered for new bookings.`
        : `Delete ${r.name}? This cannot be undone.`;
    if (!confirm(question)) return;
    const result =
      action === "retire" ? await bookingsApi.retireRoom(r.roomId) : await bookingsApi.deleteRoom(r.roomId);
    if (!result.ok) return props.announce(failureMessage(result.failure));
    props.announce(action === "retire" ? `${r.name} retired.` : `${r.name} deleted.`);
    void refetch();
  };

  const small = "desk-button desk-button--small desk-button--secondary";
  return (
    <section class="rooms" aria-labelledby="rooms-title" aria-busy={rooms.loading ? "true" : undefined}>
      <h2 id="rooms-title">Rooms</h2>
      <Show when={props.canEdit}>
        <AddButton open={form() !== null && form()!.editing === null} onClick={() => setForm({ editing: null })}>
          Add a room
        </AddButton>
      </Show>
      <Show when={form()} keyed>
        {(f) => (
          <RoomForm
            editing={f.editing}
            onSaved={(name) => saved(name, f.editing !== null)}
            onCancel={() => setForm(null)}
          />
        )}
      </Show>
      <Show when={rooms.error}>
        <p class="desk-error" role="alert">
          {(rooms.error as Error).message}
        </p>
      </Show>
      <Show when={rooms.latest}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>No rooms yet.</p>}>
            <DeskTable
              columns={[
                "Room",
                "Front door lock id",
                "Room lock id",
                "Bookings to come",
                "Status",
                ...(props.canEdit ? ["Actions"] : []),
              ]}
              rows={list()}
              testId="rooms-table"
            >
              {(r) => (
                <tr data-room={r.roomId}>
                  <th scope="row">{r.name}</th>
                  <td class="rooms__lock">{lockText(r.frontDoorLockId)}</td>
                  <td class="rooms__lock">{lockText(r.roomLockId)}</td>
                  <td>{r.upcomingBookings}</td>
                  <td>
                    <span class={`badge badge--${r.retiredAt === null ? "checked-in" : "not-started"}`}>
                      {r.retiredAt === null ? "In use" : "Retired"}
                    </span>
                  </td>
                  <Show when={props.canEdit}>
                    <td class="bookings__actions">
                      <button type="button" class={small} onClick={() => setForm({ editing: r })}>
                        Edit<span class="visually-hidden"> {r.name}</span>
                      </button>
                      <Show when={r.retiredAt === null}>
                        <button type="button" class={small} onClick={() => act(r, "retire")}>
                          Retire<span class="visually-hidden"> {r.name}</span>
                        </button>
                      </Show>
                      <button type="button" class={small} onClick={() => act(r, "delete")}>
                        Delete<span class="visually-hidden"> {r.name}</span>
                      </button>
                    </td>
                  </Show>
                </tr>
              )}
            </DeskTable>
          </Show>
        )}
      </Show>
      <RoomCalendars rooms={rooms.latest ?? []} canEdit={props.canEdit} announce={props.announce} />
    </section>
  );
}
