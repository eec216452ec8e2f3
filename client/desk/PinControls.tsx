// What staff can do about a session's door PIN: retry after a failure, type one in by
// hand (managers), and reveal a stored PIN. Each is one audited API call; the board
// itself updates from the socket, so these only show progress and errors.
import { createSignal, Show } from "solid-js";
import type { BoardSession } from "../../domain/board";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { deskApi, failureMessage } from "./api";
import { notify } from "./notice";

export function FixPin(props: { session: BoardSession; me: DeskMe }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [manualOpen, setManualOpen] = createSignal(false);
  const [pin, setPin] = createSignal("");
  const ref = () => props.session.bookingRef;
  const errorId = () => `pin-error-${props.session.sessionId}`;

  const retry = async () => {
    setBusy(true);
    setError(null);
    const r = await deskApi.retryPins(props.session.sessionId);
    setBusy(false);
    if (r.ok) notify(`Retrying door PINs for ${ref()}.`);
    else setError(failureMessage(r.failure));
  };

  const setManual = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!/^\d{4,8}$/.test(pin())) {
      setError("A PIN is 4 to 8 digits.");
      return;
    }
    setBusy(true);
    setError(null);
    const r = await deskApi.manualPin(props.session.sessionId, pin());
    setBusy(false);
    if (r.ok) {
      setPin("");
      setManualOpen(false);
      notify(`PIN saved for ${ref()}; the guest can carry on.`);
    } else setError(failureMessage(r.failure));
  };

  return (
    <div class="pin-fix">
      <div class="pin-fix__buttons">
        <button
          type="button"
          class="desk-button desk-button--small"
          disabled={busy()}
          onClick={retry}
          aria-label={`Retry PINs for ${ref()}`}
        >
          Retry PINs
        </button>
        <Show when={props.me.role === "manager"}>
          <button
            type="button"
            class="desk-button desk-button--small desk-button--secondary"
            aria-expanded={manualOpen()}
            aria-controls={`manual-${props.session.sessionId}`}
            onClick={() => setManualOpen(!manualOpen())}
            aria-label={`Set PIN manually for ${ref()}`}
          >
            Set PIN manually
          </button>
        </Show>
      </div>
      <Show when={manualOpen()}>
        <form class="pin-fix__manual" id={`manual-${props.session.sessionId}`} onSubmit={setManual}>
          <label for={`manual-pin-${props.session.sessionId}`}>PIN typed on the lock keypad for {ref()}</label>
          <input
            id={`manual-pin-${props.session.sessionId}`}
            inputmode="numeric"
            autocomplete="off"
            pattern="\d{4,8}"
            maxlength={8}
            value={pin()}
            onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ""))}
            aria-describedby={error() ? errorId() : undefined}
          />
          <button type="submit" class="desk-button desk-button--small" disabled={busy()}>
            Save PIN
          </button>
        </form>
      </Show>
      <Show when={error()}>
        <p class="desk-error" id={errorId()} role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}

export function RevealPin(props: { sessionId: string; bookingRef: string }) {
  const [pin, setPin] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const reveal = async () => {
    setBusy(true);
    setError(null);
    const r = await deskApi.revealPin(props.sessionId);
    setBusy(false);
    if (r.ok) setPin(r.value.pin);
    else setError(failureMessage(r.failure));
  };
  return (
    <span class="pin-reveal">
      <Show
        when={pin()}
        fallback={
          <>
            <span class="pin-reveal__mask">
              <span aria-hidden="true">••••••</span>
              <span class="visually-hidden">PIN hidden</span>
            </span>
            <button
              type="button"
              class="desk-link-button"
              disabled={busy()}
              onClick={reveal}
              aria-label={`Show PIN for ${props.bookingRef} (logged)`}
            >
              Show
            </button>
          </>
        }
      >
        {(value) => (
          <>
            <span class="pin-reveal__code">
              <span class="visually-hidden">PIN for {props.bookingRef}: </span>
              {value()}
            </span>
            <button
              type="button"
              class="desk-link-button"
              onClick={() => setPin(null)}
              aria-label={`Hide PIN for ${props.bookingRef}`}
            >
              Hide
            </button>
          </>
        )}
      </Show>
      <Show when={error()}>
        <span class="desk-error" role="alert">
          {error()}
        </span>
      </Show>
    </span>
  );
}
