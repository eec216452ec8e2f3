// A booking's check-in link with a Copy button, and a message ready to paste into a
// booking platform's messaging or an email.
import { createResource, createSignal, Show } from "solid-js";
import { failureMessage } from "./api";
import { bookingsApi } from "./bookings-api";

export function CheckinLinkPanel(props: { bookingRef: string; onClose: () => void }) {
  const [link] = createResource(
    () => props.bookingRef,
    async (ref) => {
      const result = await bookingsApi.link(ref);
      if (!result.ok) throw new Error(failureMessage(result.failure));
      return result.value;
    },
  );
  const [copied, setCopied] = createSignal("");
  const copy = async (what: string, text: string) => {
    setCopied("");
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied.`);
    } catch {
      setCopied(`Couldn't copy. Select the ${what.toLowerCase()} and copy it yourself.`);
    }
  };
  return (
    <section class="checkin-link" aria-labelledby="checkin-link-title">
      <h2 id="checkin-link-title">Check-in link for {props.bookingRef}</h2>
      <Show when={link.error}>
        <p class="desk-error" role="alert">
          {(link.error as Error).message}
        </p>
      </Show>
      <Show when={link()}>
        {(l) => (
          <>
            <div class="desk-field">
              <label for="checkin-link-url">Link</label>
              <input id="checkin-link-url" type="text" readOnly value={l().url} data-testid="checkin-link-url" />
            </div>
            <button type="button" class="desk-button desk-button--small" onClick={() => copy("Link", l().url)}>
              Copy link
            </button>
            <div class="desk-field">
              <label for="checkin-link-message">Message to send the guest</label>
              <textarea id="checkin-link-message" readOnly rows={4}>
                {l().message}
              </textarea>
            </div>
            <button type="button" class="desk-button desk-button--small" onClick={() => copy("Message", l().message)}>
              Copy message
            </button>
            <p class="desk-small" role="status">
              {copied()}
            </p>
          </>
        )}
      </Show>
      <button type="button" class="desk-button desk-button--secondary" onClick={() => props.onClose()}>
        Close<span class="visually-hidden"> the check-in link</span>
      </button>
    </section>
  );
}
