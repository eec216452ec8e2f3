// The rooms' calendar feeds (Airbnb, Booking.com, Vrbo exports) and how each last synced.
// Everyone sees the status and may ask for a sync; managers add and remove feeds. The
// list refreshes itself while the page is open, since syncs happen in the background.
import { createResource, createSignal, For, onCleanup, Show } from "solid-js";
import type { DeskRoom } from "../../shared/bookings-protocol";
import type { DeskCalendarFeed } from "../../shared/calendar-protocol";
import { failureMessage } from "./api";
import { calendarsApi } from "./calendars-api";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { DeskTable } from "./DeskTable";
import { createDeskForm } from "./form-state";

const REFRESH_MS = 5_000;
const LABELS = { roomId: "Room", url: "Calendar export address", form: "" };

export function RoomCalendars(props: { rooms: DeskRoom[]; canEdit: boolean; announce: (message: string) => void }) {
  const [data, { refetch }] = createResource(async () => {
    const result = await calendarsApi.list();
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value;
  });
  const timer = setInterval(() => void refetch(), REFRESH_MS);
  onCleanup(() => clearInterval(timer));

  const [roomId, setRoomId] = createSignal("");
  const [url, setUrl] = createSignal("");
  const form = createDeskForm({ generalErrors: "summary" });
  const inUse = () => props.rooms.filter((r) => r.retiredAt === null);

  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const missing: DeskFieldErrors = {};
    if (!roomId()) missing.roomId = "Choose the room this calendar is for";
    if (!url().trim()) missing.url = "Enter the calendar's export address";
    if (!form.check(missing)) return;
    const sent = await form.send(() => calendarsApi.add({ roomId: roomId(), url: url() }));
    if (!sent) return;
    const room = inUse().find((r) => r.roomId === roomId());
    setUrl("");
    props.announce(`Calendar added to ${room?.name ?? "the room"}. Its first sync is under way.`);
    void refetch();
  };

  const remove = async (feed: DeskCalendarFeed) => {
    if (!confirm(`Remove the ${feed.host} calendar from ${feed.roomName}? Its bookings stay.`)) return;
    const result = await calendarsApi.remove(feed.feedId);
    if (!result.ok) return props.announce(failureMessage(result.failure));
    props.announce(`Calendar removed from ${feed.roomName}.`);
    void refetch();
  };

  const syncNow = async () => {
    const result = await calendarsApi.syncNow();
    props.announce(
      result.ok ? "Sync requested. The status below updates when it is done." : failureMessage(result.failure),
    );
    if (result.ok) setTimeout(() => void refetch(), 2_000);
  };

  const small = "desk-button desk-button--small desk-button--secondary";
  return (
    <section class="calendars" aria-labelledby="calendars-title">
      <h3 id="calendars-title">Calendars</h3>
      <p>
        Bookings from each room's Airbnb, Booking.com or Vrbo calendar are brought in
        <Show when={data.latest}>{(d) => ` every ${d().pollMinutes} minutes`}</Show>. Blocked dates are left out.
      </p>
      <Show when={data.error}>
        <p class="desk-error" role="alert">
          {(data.error as Error).message}
        </p>
      </Show>
      <Show when={data.latest}>
        {(d) => (
          <Show when={d().feeds.length > 0} fallback={<p>No calendars yet.</p>}>
            <p>
              <button class="desk-button desk-button--secondary" type="button" onClick={syncNow}>
                Sync now
              </button>
            </p>
            <DeskTable
              columns={["Room", "Calendar", "Last synced", "Bookings", "Status", ...(props.canEdit ? ["Actions"] : [])]}
              rows={d().feeds}
              testId="calendars-table"
              caption="Calendar feeds and their last sync"
            >
              {(feed) => (
                <tr data-feed={feed.feedId}>
                  <th scope="row">{feed.roomName}</th>
                  <td class="calendars__host">{feed.host}</td>
                  <td>{feed.lastSuccessAt === null ? "Not yet" : when(feed.lastSuccessAt)}</td>
                  <td>{feed.bookings}</td>
                  <td data-testid="calendar-status">
                    <FeedStatus feed={feed} />
                  </td>
                  <Show when={props.canEdit}>
                    <td>
                      <button type="button" class={small} onClick={() => remove(feed)}>
                        Remove
                        <span class="visually-hidden">
                          {" "}
                          the {feed.host} calendar of {feed.roomName}
                        </span>
                      </button>
                    </td>
                  </Show>
                </tr>
              )}
            </DeskTable>
          </Show>
        )}
      </Show>
      <Show when={props.canEdit && inUse().length > 0}>
        <form class="desk-form booking-form" onSubmit={add} novalidate aria-labelledby="calendar-add-title">
          <h4 id="calendar-add-title">Add a calendar</h4>
          <DeskErrorSummary errors={form.errors()} labels={LABELS} idPrefix="calendar-add" attempt={form.attempt()} />
          <div class="desk-field">
            <label for="calendar-add-roomId">Room</label>
            <Show when={form.errors().roomId}>
              <span class="desk-error" id="calendar-add-roomId-error">
                <span class="visually-hidden">Error: </span>
                {form.errors().roomId}
              </span>
            </Show>
            <select
              id="calendar-add-roomId"
              value={roomId()}
              onChange={(e) => setRoomId(e.currentTarget.value)}
              aria-invalid={form.errors().roomId ? "true" : undefined}
              aria-describedby={form.errors().roomId ? "calendar-add-roomId-error" : undefined}
            >
              <option value="">Choose a room</option>
              <For each={inUse()}>{(r) => <option value={r.roomId}>{r.name}</option>}</For>
            </select>
          </div>
          <DeskInput
            idPrefix="calendar-add"
            field="url"
            label={LABELS.url}
            hint="The iCal (.ics) export link from Airbnb, Booking.com or Vrbo, starting with https://"
            type="url"
            value={url()}
            error={form.errors().url}
            onInput={setUrl}
          />
          <div class="booking-form__buttons">
            <button class="desk-button" type="submit" disabled={form.busy()}>
              Add calendar
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

function FeedStatus(props: { feed: DeskCalendarFeed }) {
  const f = () => props.feed;
  const failing = () => f().lastError !== null;
  return (
    <>
      <span class={`badge badge--${failing() ? "pin-failed" : f().lastSuccessAt ? "checked-in" : "not-started"}`}>
        {failing() ? "Failing" : f().lastSuccessAt ? "Synced" : "Waiting for first sync"}
      </span>
      <Show when={f().lastError}>
        <span class="calendars__detail"> {f().lastError}</span>
      </Show>
      <Show when={!failing() && f().lastNote}>
        <span class="calendars__detail desk-muted"> {f().lastNote}</span>
      </Show>
    </>
  );
}

const when = (ms: number) =>
  new Date(ms).toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
