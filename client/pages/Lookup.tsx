// /checkin/ — the booking reference, and for a guest who already checked in, the
// last four digits of their phone before we show their door code again.
import { createSignal, Show } from "solid-js";
import { BOOKING_REF_PATTERN } from "../../shared/protocol/common";
import { lookup, stayAccess } from "../api";
import type { ApiFailure } from "../fetch-json";
import { ErrorSummary, type FieldErrors } from "../components/ErrorSummary";
import { TextField } from "../components/Field";
import { FormAlert } from "../components/FormAlert";
import { Link } from "../components/Link";
import { Loading, Page } from "../components/Page";
import { text } from "../i18n";
import { navigate } from "../router";
import { live, notice, setNotice } from "../session/controller";
import { WIZARD_PATHS, withSession } from "../session/routing";

export default function Lookup() {
  const [returning, setReturning] = createSignal<string | null>(null);
  return (
    // A session remembered by this tab takes the guest back to it once its state arrives.
    <Show when={!live()} fallback={<Loading />}>
      <Show when={returning()} fallback={<ReferenceForm onCheckedIn={setReturning} />} keyed>
        {(ref) => <ReturningForm bookingRef={ref} onCancel={() => setReturning(null)} />}
      </Show>
    </Show>
  );
}

function ReferenceForm(props: { onCheckedIn: (ref: string) => void }) {
  const [value, setValue] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<string | null>(notice());
  /** The reference last answered "not found": the guest stays here to correct it, with a way to the help page. */
  const [missing, setMissing] = createSignal<string | null>(null);
  let busy = false;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setNotice(null);
    setAlert(null);
    setMissing(null);
    const typed = value().replace(/\s+/g, "").toUpperCase();
    const problem = !typed ? text.lookupRefMissing : !BOOKING_REF_PATTERN.test(typed) ? text.lookupRefInvalid : null;
    setErrors(problem ? { bookingRef: problem } : {});
    if (problem) return;

    busy = true;
    const result = await lookup(typed);
    busy = false;
    if (!result.ok) return showFailure(result.failure);
    const answer = result.value;
    if (answer.kind === "session") navigate(withSession(WIZARD_PATHS.details, answer.sessionId));
    else if (answer.kind === "checked-in") props.onCheckedIn(answer.bookingRef);
    else {
      // Most misses are a mistyped reference: keep it in the field, say so there, and offer the help page.
      setErrors({ bookingRef: text.lookupNotFound(typed) });
      setMissing(typed);
    }
  }

  function showFailure(failure: ApiFailure) {
    if (failure.kind === "rate-limited") setAlert(text.tooManyAttempts(failure.retryAfterSeconds));
    else if (failure.kind === "status" && failure.fields?.bookingRef) setErrors({ bookingRef: text.lookupRefInvalid });
    else setAlert(text.somethingWentWrong);
  }

  return (
    <Page title={text.lookupTitle} step={1}>
      <ErrorSummary errors={errors()} order={["bookingRef"]} attempt={attempt()} />
      <form novalidate onSubmit={submit}>
        <TextField
          id="bookingRef"
          label={text.bookingRefLabel}
          hint={text.lookupHint}
          error={errors().bookingRef}
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          class="input--ref"
        />
        <button class="button" type="submit">
          {text.continue}
        </button>
        <FormAlert message={alert()} />
      </form>
      <Show when={missing()} keyed>
        {(ref) => (
          <p>
            <Link href={`${WIZARD_PATHS.notFound}?ref=${encodeURIComponent(ref)}`}>{text.lookupNotFoundHelp}</Link>
          </p>
        )}
      </Show>
    </Page>
  );
}

function ReturningForm(props: { bookingRef: string; onCancel: () => void }) {
  const [digits, setDigits] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<string | null>(null);
  let busy = false;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setAlert(null);
    const typed = digits().replace(/\s+/g, "");
    if (!/^\d{4}$/.test(typed)) return setErrors({ phoneLast4: text.last4Invalid });
    setErrors({});

    busy = true;
    const result = await stayAccess(props.bookingRef, typed);
    busy = false;
    if (result.ok) return navigate(`/stay/${result.value.stayToken}`);
    const failure = result.failure;
    if (failure.kind === "rate-limited") setAlert(text.tooManyAttempts(failure.retryAfterSeconds));
    else if (failure.kind === "status" && (failure.status === 403 || failure.fields?.phoneLast4)) {
      setErrors({ phoneLast4: failure.status === 403 ? text.last4Wrong : text.last4Invalid });
    } else setAlert(text.somethingWentWrong);
  }

  return (
    <Page title={text.returningTitle}>
      <ErrorSummary errors={errors()} order={["phoneLast4"]} attempt={attempt()} />
      <p>{text.returningIntro(props.bookingRef)}</p>
      <form novalidate onSubmit={submit}>
        <TextField
          id="phoneLast4"
          label={text.last4Label}
          hint={text.last4Hint}
          error={errors().phoneLast4}
          value={digits()}
          onInput={(e) => setDigits(e.currentTarget.value)}
          inputmode="numeric"
          autocomplete="off"
          maxlength={4}
          class="input--short"
        />
        <button class="button" type="submit">
          {text.showMyStay}
        </button>
        <FormAlert message={alert()} />
      </form>
      <p>
        <button class="link-button" type="button" onClick={() => props.onCancel()}>
          {text.useAnotherBooking}
        </button>
      </p>
    </Page>
  );
}
