// Bookings beside the live board: arrivals by date preset or range, search by reference
// or expected guest name, pages that follow on by cursor, and the actions staff take on
// a booking (edit, cancel, no-show, its check-in link). Filters live in the URL.
import { createResource, createSignal, For, onMount, Show } from "solid-js";
import { proofAlert } from "../../domain/booking-proof";
import type { DeskBooking } from "../../shared/bookings-protocol";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { here, navigate } from "../router";
import { messagesApi } from "./messages-api";
import { failureMessage } from "./api";
import { BookingForm } from "./BookingForm";
import { bookingsApi, type BookingsFilter } from "./bookings-api";
import { CheckinLinkPanel } from "./CheckinLinkPanel";
import { GuestDataPanel } from "./GuestDataPanel";
import { ImportPanel } from "./ImportPanel";
import "./bookings.css";
import { DeskTable } from "./DeskTable";
import { AddButton } from "./FormButtons";

const PRESETS = [
  ["today", "Arriving today"],
  ["tomorrow", "Arriving tomorrow"],
  ["next-14-days", "Next 14 days"],
  ["past-7-days", "Past 7 days"],
  ["range", "Date range"],
] as const;

const STATUS_LABEL: Record<DeskBooking["status"], string> = {
  confirmed: "Confirmed",
  checked_in: "Checked in",
  cancelled: "Cancelled",
  no_show: "No-show",
};

/** The board's badge colours: checked in green, waiting grey, ended (cancelled, no-show) blue. */
const STATUS_BADGE: Record<DeskBooking["status"], string> = {
  confirmed: "not-started",
  checked_in: "checked-in",
  cancelled: "in-progress",
  no_show: "in-progress",
};

export default function BookingsPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const filter = (): BookingsFilter => {
    const q = here().query;
    return {
      preset: q.get("preset") ?? undefined,
      from: q.get("from") ?? undefined,
      to: q.get("to") ?? undefined,
      q: q.get("q") ?? undefined,
      after: q.get("after") ?? undefined,
    };
  };
  const [page, { refetch }] = createResource(filter, async (f) => {
    const result = await bookingsApi.list({ ...f, preset: f.preset === "range" ? undefined : f.preset });
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value;
  });
  const [rooms] = createResource(async () => {
    const result = await bookingsApi.rooms();
    return result.ok ? result.value.rooms : [];
  });
  const [preset, setPreset] = createSignal(
    filter().preset ?? (filter().from || filter().to ? "range" : "next-14-days"),
  );
  const [from, setFrom] = createSignal(filter().from ?? "");
  const [to, setTo] = createSignal(filter().to ?? "");
  const [search, setSearch] = createSignal(filter().q ?? "");
  const [form, setForm] = createSignal<{ editing: DeskBooking | null } | null>(null);
  const [linkFor, setLinkFor] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal("");
  /** Cursors of the pages before this one, for "Previous page". */
  const [previous, setPrevious] = createSignal<string[]>([]);

  onMount(() => {
    document.title = `Bookings – ${props.me.propertyName}`;
    heading.focus();
  });

  const announce = (message: string) => {
    setNotice("");
    queueMicrotask(() => setNotice(message));
  };

  const show = (e: SubmitEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (search().trim()) q.set("q", search().trim());
    if (preset() === "range") {
      if (from()) q.set("from", from());
      if (to()) q.set("to", to());
    } else q.set("preset", preset());
    setPrevious([]);
    navigate(`/desk/bookings?${q}`);
  };

  const goToPage = (after: string | undefined) => {
    const q = new URLSearchParams(here().query);
    if (after) q.set("after", after);
    else q.delete("after");
    navigate(`/desk/bookings?${q}`);
  };

  const act = async (b: DeskBooking, action: "cancel" | "no-show") => {
    const words = action === "cancel" ? "Cancel" : "Mark as a no-show:";
    if (!confirm(`${words} booking ${b.bookingRef}?`)) return;
    const result =
      action === "cancel" ? await bookingsApi.cancel(b.bookingRef) : await bookingsApi.noShow(b.bookingRef);
    if (!result.ok) return announce(failureMessage(result.failure));
    announce(`Booking ${b.bookingRef} is now ${STATUS_LABEL[result.value.status].toLowerCase()}.`);
    void refetch();
  };

  const resend = async (b: DeskBooking, kind: "invitation" | "door-code") => {
    const result = await messagesApi.resend(b.bookingRef, kind);
    if (!result.ok) return announce(failureMessage(result.failure));
    const what = kind === "invitation" ? "invitation" : "door code";
    announce(`The ${what} for ${b.bookingRef} is queued again (${result.value.queued}). See the Outbox.`);
  };

  const saved = (b: DeskBooking, wasEditing: boolean) => {
    setForm(null);
    announce(wasEditing ? `Booking ${b.bookingRef} saved.` : `Booking ${b.bookingRef} added.`);
    setLinkFor(wasEditing ? null : b.bookingRef);
    void refetch();
  };

  return (
    <div class="bookings">
      <h1 ref={heading} tabindex="-1">
        Bookings
      </h1>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="bookings-notice">
        {notice()}
      </p>

      <form class="range-form bookings-filter" onSubmit={show} aria-label="Which bookings">
        <div class="desk-field">
          <label for="bookings-preset">Arrivals</label>
          <select id="bookings-preset" value={preset()} onChange={(e) => setPreset(e.currentTarget.value)}>
            <For each={PRESETS}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </div>
        <Show when={preset() === "range"}>
          <div class="desk-field">
            <label for="bookings-from">From</label>
            <input id="bookings-from" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div class="desk-field">
            <label for="bookings-to">To</label>
            <input id="bookings-to" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
        </Show>
        <div class="desk-field">
          <label for="bookings-q">Reference or guest name</label>
          <input id="bookings-q" type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <button class="desk-button" type="submit">
          Show bookings
        </button>
      </form>

      <AddButton open={form() !== null && form()!.editing === null} onClick={() => setForm({ editing: null })}>
        Add a booking
      </AddButton>
      <Show when={form()} keyed>
        {(f) => (
          <BookingForm
            rooms={rooms() ?? []}
            editing={f.editing}
            today={page.latest?.today ?? ""}
            onSaved={(b) => saved(b, f.editing !== null)}
            onCancel={() => setForm(null)}
          />
        )}
      </Show>
      <Show when={linkFor()} keyed>
        {(ref) => <CheckinLinkPanel bookingRef={ref} onClose={() => setLinkFor(null)} />}
      </Show>

      <Show when={page.error}>
        <p class="desk-error" role="alert">
          {(page.error as Error).message}
        </p>
      </Show>
      <Show when={page.latest}>
        {(p) => (
          <section aria-labelledby="bookings-list-title" aria-busy={page.loading ? "true" : undefined}>
            <h2 id="bookings-list-title">
              {filter().q
                ? `Bookings matching “${filter().q}”`
                : p().from === p().to
                  ? `Arriving ${p().from}`
                  : `Arriving ${p().from} to ${p().to}`}
            </h2>
            <Show when={p().bookings.length > 0} fallback={<p>No bookings here.</p>}>
              <DeskTable
                columns={["Reference", "Guest", "Room", "Arrival", "Departure", "Status", "Actions"]}
                rows={p().bookings}
                testId="bookings-table"
              >
                {(b) => (
                  <tr data-ref={b.bookingRef}>
                    <th scope="row">
                      {b.bookingRef}
                      <Show when={proofAlert(b.proofFailures, b.proofFailedAt, Date.now())}>
                        <span class="desk-badge--alert" data-testid="proof-alert">
                          {b.proofFailures} failed lookups today
                        </span>
                      </Show>
                    </th>
                    <td>
                      {b.guestName ?? b.expectedGuestName ?? "—"}
                      <Show when={!b.guestName && b.expectedGuestName}>
                        <span class="desk-muted desk-small"> (expected)</span>
                      </Show>
                    </td>
                    <td>{b.roomName}</td>
                    <td>
                      {b.checkInDate}
                      <Show when={b.earlyCheckInTime}>
                        <span class="desk-small"> from {b.earlyCheckInTime}</span>
                      </Show>
                    </td>
                    <td>
                      {b.checkOutDate}
                      <Show when={b.lateCheckoutTime}>
                        <span class="desk-small"> until {b.lateCheckoutTime}</span>
                      </Show>
                    </td>
                    <td>
                      <span class={`badge badge--${STATUS_BADGE[b.status]}`}>{STATUS_LABEL[b.status]}</span>
                    </td>
                    <td class="bookings__actions">
                      <Show when={b.status === "confirmed" || b.status === "checked_in"}>
                        <button
                          type="button"
                          class="desk-button desk-button--small desk-button--secondary"
                          onClick={() => setLinkFor(b.bookingRef)}
                        >
                          Check-in link<span class="visually-hidden"> for {b.bookingRef}</span>
                        </button>
                        <button
                          type="button"
                          class="desk-button desk-button--small desk-button--secondary"
                          onClick={() => setForm({ editing: b })}
                        >
                          Edit<span class="visually-hidden"> {b.bookingRef}</span>
                        </button>
                      </Show>
                      <Show when={b.status === "confirmed" || b.status === "checked_in"}>
                        <button
                          type="button"
                          class="desk-button desk-button--small desk-button--secondary"
                          onClick={() => resend(b, b.status === "confirmed" ? "invitation" : "door-code")}
                        >
                          {b.status === "confirmed" ? "Resend invitation" : "Resend door code"}
                          <span class="visually-hidden"> for {b.bookingRef}</span>
                        </button>
                      </Show>
                      <Show when={b.status === "confirmed"}>
                        <button
                          type="button"
                          class="desk-button desk-button--small desk-button--secondary"
                          onClick={() => act(b, "cancel")}
                        >
                          Cancel<span class="visually-hidden"> {b.bookingRef}</span>
                        </button>
                        <Show when={b.checkInDate <= p().today}>
                          <button
                            type="button"
                            class="desk-button desk-button--small desk-button--secondary"
                            onClick={() => act(b, "no-show")}
                          >
                            No-show<span class="visually-hidden"> {b.bookingRef}</span>
                          </button>
                        </Show>
                      </Show>
                      <GuestDataPanel
                        booking={b}
                        me={props.me}
                        onErased={(message) => {
                          announce(message);
                          void refetch();
                        }}
                      />
                    </td>
                  </tr>
                )}
              </DeskTable>
            </Show>
            <nav class="bookings__pages" aria-label="Pages">
              <Show when={filter().after}>
                <button
                  type="button"
                  class="desk-button desk-button--secondary"
                  onClick={() => {
                    const stack = previous();
                    setPrevious(stack.slice(0, -1));
                    goToPage(stack[stack.length - 1] || undefined);
                  }}
                >
                  Previous page
                </button>
              </Show>
              <Show when={p().nextCursor}>
                {(next) => (
                  <button
                    type="button"
                    class="desk-button desk-button--secondary"
                    onClick={() => {
                      setPrevious([...previous(), filter().after ?? ""]);
                      goToPage(next());
                    }}
                  >
                    Next page
                  </button>
                )}
              </Show>
            </nav>
          </section>
        )}
      </Show>

      <ImportPanel
        onImported={(message) => {
          announce(message);
          void refetch();
        }}
      />
    </div>
  );
}
