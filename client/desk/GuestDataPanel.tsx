// A manager's export and erasure of one booking's guest data, in the booking's row. The
// export is a plain download link (the server names the file); erasure asks first, and
// the server refuses it in plain words while the stay is still going.
import { createSignal, Show } from "solid-js";
import { guestDataEraseResponse } from "../../shared/guest-data-protocol";
import type { DeskBooking } from "../../shared/bookings-protocol";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { call, failureMessage } from "./api";

export function GuestDataPanel(props: {
  booking: DeskBooking;
  me: DeskMe;
  /** Told in words for the page's own status line: the row, this panel with it, is redrawn. */
  onErased: (message: string) => void;
}) {
  /** Only a refusal is said here; success goes to the page's status line (see onErased). */
  const [refusal, setRefusal] = createSignal<string | null>(null);
  const ref = () => props.booking.bookingRef;
  const path = () => `/bookings/${encodeURIComponent(ref())}/guest-data`;

  const erase = async () => {
    setRefusal(null);
    if (!confirm(`Erase the guest's personal data for booking ${ref()}? This cannot be undone.`)) return;
    const result = await call(`${path()}/erase`, guestDataEraseResponse, { method: "POST" });
    if (!result.ok) return setRefusal(failureMessage(result.failure));
    props.onErased(`The guest's personal data for ${ref()} is erased.`);
  };

  return (
    <Show when={props.me.role === "manager"}>
      <details class="guest-data">
        <summary>
          Guest data<span class="visually-hidden"> for {ref()}</span>
        </summary>
        <a class="desk-button desk-button--small desk-button--secondary" href={`/api/desk${path()}`} download="">
          Export (JSON)<span class="visually-hidden"> for {ref()}</span>
        </a>
        <button type="button" class="desk-button desk-button--small desk-button--secondary" onClick={() => erase()}>
          Erase<span class="visually-hidden"> guest data for {ref()}</span>
        </button>
        <Show when={refusal()}>
          <p class="desk-error desk-small" role="alert">
            {refusal()}
          </p>
        </Show>
      </details>
    </Show>
  );
}
