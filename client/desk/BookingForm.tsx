// Add a booking by hand, or edit one: room, dates, early/late times and the expected
// guest. The server is the authority; its per-field reasons are shown beside the fields.
import { createSignal, For, Show } from "solid-js";
import type { DeskBooking, DeskRoom } from "../../shared/bookings-protocol";
import { bookingsApi } from "./bookings-api";
import { createDeskForm } from "./form-state";
import { DeskAlert, DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { FormButtons } from "./FormButtons";

const LABELS: Record<string, string> = {
  bookingRef: "Booking reference",
  roomId: "Room",
  checkInDate: "Check-in date",
  checkOutDate: "Checkout date",
  earlyCheckInTime: "Early check-in time",
  lateCheckoutTime: "Late checkout time",
  expectedGuestName: "Guest name",
  expectedGuestEmail: "Guest email",
  expectedGuestPhone: "Guest phone",
};

export function BookingForm(props: {
  rooms: DeskRoom[];
  editing: DeskBooking | null;
  today: string;
  onSaved: (booking: DeskBooking) => void;
  onCancel: () => void;
}) {
  const b = props.editing;
  const prefix = b ? "edit" : "add";
  const [values, setValues] = createSignal<Record<string, string>>({
    bookingRef: "",
    roomId: b?.roomId ?? "",
    checkInDate: b?.checkInDate ?? props.today,
    checkOutDate: b?.checkOutDate ?? "",
    earlyCheckInTime: b?.earlyCheckInTime ?? "",
    lateCheckoutTime: b?.lateCheckoutTime ?? "",
    expectedGuestName: b?.expectedGuestName ?? "",
    expectedGuestEmail: b?.expectedGuestEmail ?? "",
    expectedGuestPhone: b?.expectedGuestPhone ?? "",
  });
  const { errors, attempt, alert, busy, check, send } = createDeskForm({ generalErrors: "alert" });
  const set = (field: string) => (value: string) => setValues({ ...values(), [field]: value });
  const v = (field: string) => values()[field] ?? "";
  const orNull = (s: string) => (s.trim() ? s.trim() : null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const missing: DeskFieldErrors = {};
    if (!v("roomId")) missing.roomId = "Choose a room";
    if (!v("checkInDate")) missing.checkInDate = "Enter the check-in date";
    if (!v("checkOutDate")) missing.checkOutDate = "Enter the checkout date";
    if (!check(missing)) return;
    const body = {
      roomId: v("roomId"),
      checkInDate: v("checkInDate"),
      checkOutDate: v("checkOutDate"),
      earlyCheckInTime: orNull(v("earlyCheckInTime")),
      lateCheckoutTime: orNull(v("lateCheckoutTime")),
      expectedGuestName: orNull(v("expectedGuestName")),
      expectedGuestEmail: orNull(v("expectedGuestEmail")),
      expectedGuestPhone: orNull(v("expectedGuestPhone")),
    };
    const saved = await send(() =>
      b
        ? bookingsApi.edit(b.bookingRef, body)
        : bookingsApi.create({ ...body, bookingRef: orNull(v("bookingRef")) ?? undefined }),
    );
    if (saved) props.onSaved(saved.value);
  };

  const field = (name: string, extra: { type?: string; hint?: string } = {}) => (
    <DeskInput
      idPrefix={prefix}
      field={name}
      label={LABELS[name]!}
      value={v(name)}
      error={errors()[name]}
      onInput={set(name)}
      {...extra}
    />
  );

  return (
    <form class="desk-form booking-form" onSubmit={submit} novalidate aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{b ? `Edit booking ${b.bookingRef}` : "Add a booking"}</h2>
      <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix={prefix} attempt={attempt()} />
      <DeskAlert message={alert()} />
      <Show when={!b}>
        {field("bookingRef", { hint: "Optional. Leave empty and Frontdoor makes one up, like FDK7M2QX." })}
      </Show>
      <div class="desk-field">
        <label for={`${prefix}-roomId`}>Room</label>
        <Show when={errors().roomId}>
          <span class="desk-error" id={`${prefix}-roomId-error`}>
            <span class="visually-hidden">Error: </span>
            {errors().roomId}
          </span>
        </Show>
        <select
          id={`${prefix}-roomId`}
          value={v("roomId")}
          onChange={(e) => set("roomId")(e.currentTarget.value)}
          aria-invalid={errors().roomId ? "true" : undefined}
          aria-describedby={errors().roomId ? `${prefix}-roomId-error` : undefined}
        >
          <option value="">Choose a room</option>
          <For each={props.rooms.filter((r) => r.retiredAt === null || r.roomId === b?.roomId)}>
            {(r) => <option value={r.roomId}>{r.name}</option>}
          </For>
        </select>
      </div>
      <div class="booking-form__pair">
        {field("checkInDate", { type: "date" })}
        {field("checkOutDate", { type: "date" })}
      </div>
      <div class="booking-form__pair">
        {field("earlyCheckInTime", { type: "time", hint: "Optional, when the guest may arrive before the usual time" })}
        {field("lateCheckoutTime", { type: "time", hint: "Optional, when the guest may leave after the usual time" })}
      </div>
      <fieldset class="booking-form__guest">
        <legend>Expected guest (optional)</legend>
        <p class="desk-muted desk-small">
          As the booking channel gave it. The guest still states their own details at check-in.
        </p>
        {field("expectedGuestName")}
        {field("expectedGuestEmail", { type: "email" })}
        {field("expectedGuestPhone", { type: "tel" })}
      </fieldset>
      <FormButtons busy={busy()} submitLabel={b ? "Save changes" : "Add booking"} onCancel={props.onCancel} />
    </form>
  );
}
