// /checkin/ — the booking reference and a second fact from the booking (surname, or the
// email or phone it was made with); a guest who already checked in is shown the way back.
import { createSignal, lazy, Show } from "solid-js";
import { BOOKING_REF_PATTERN } from "../../shared/protocol/common";
import { lookup } from "../api";
import type { ApiFailure } from "../fetch-json";
import { ErrorSummary, type FieldErrors } from "../components/ErrorSummary";
import { TextField } from "../components/Field";
import { FormAlert } from "../components/FormAlert";
import { Link } from "../components/Link";
import { Loading, Page } from "../components/Page";
import { text, type Words } from "../i18n";
import { ltr } from "../i18n/bidi";
import { plural } from "../i18n/numbers";
import { navigate } from "../router";
import { live, notice, setNotice } from "../session/controller";
import { WIZARD_PATHS, withSession } from "../session/routing";

// Only a guest who already checked in needs it: fetched after first paint, not before.
export const Returning = lazy(() => import("./Returning"));

export default function Lookup() {
  const [returning, setReturning] = createSignal<CheckedIn | null>(null);
  return (
    // A session remembered by this tab takes the guest back to it once its state arrives.
    <Show when={!live()} fallback={<Loading />}>
      <Show when={returning()} fallback={<ReferenceForm onCheckedIn={setReturning} />} keyed>
        {(found) => (
          <Returning
            bookingRef={found.bookingRef}
            propertyPhone={found.propertyPhone}
            proof={found.proof}
            onCancel={() => setReturning(null)}
          />
        )}
      </Show>
    </Show>
  );
}

/** The proof stays in memory only, for "send my stay link again" on the same page. */
type CheckedIn = { bookingRef: string; propertyPhone: string; proof: string };

function ReferenceForm(props: { onCheckedIn: (found: CheckedIn) => void }) {
  const [value, setValue] = createSignal("");
  const [proof, setProof] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<Words | null>(notice());
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
    const typedProof = proof().trim();
    const found: FieldErrors = {};
    if (!typed) found.bookingRef = () => text.lookupRefMissing;
    else if (!BOOKING_REF_PATTERN.test(typed)) found.bookingRef = () => text.lookupRefInvalid;
    if (!typedProof) found.proof = () => text.proofMissing;
    setErrors(found);
    if (Object.keys(found).length) return;

    busy = true;
    const result = await lookup(typed, typedProof);
    busy = false;
    if (!result.ok) return showFailure(result.failure);
    const answer = result.value;
    if (answer.kind === "session") navigate(withSession(WIZARD_PATHS.details, answer.sessionId));
    else if (answer.kind === "checked-in") props.onCheckedIn({ ...answer, proof: typedProof });
    else {
      // Most misses are a mistyped reference: keep it in the field, say so there, and offer the help page.
      setErrors({ bookingRef: () => text.lookupNotFound(ltr(typed)) });
      setMissing(typed);
    }
  }

  function showFailure(failure: ApiFailure) {
    // Alerts hold words to be worded when shown (a function), so the setter takes one more arrow.
    if (failure.kind === "rate-limited") {
      const seconds = failure.retryAfterSeconds;
      setAlert(() => () => plural(text.locale, seconds, text.tooManyAttempts));
    } else if (failure.kind === "status" && failure.fields?.bookingRef) {
      setErrors({ bookingRef: () => text.lookupRefInvalid });
    } else setAlert(() => () => text.somethingWentWrong);
  }

  return (
    <Page title={text.lookupTitle} step={1}>
      <ErrorSummary errors={errors()} order={["bookingRef", "proof"]} attempt={attempt()} />
      {/* method: the prerendered copy may be submitted before the script runs; a POST keeps answers out of the URL */}
      <form novalidate method="post" onSubmit={submit}>
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
          dir="ltr"
        />
        <TextField
          id="proof"
          label={text.proofLabel}
          hint={text.proofHint}
          error={errors().proof}
          value={proof()}
          onInput={(e) => setProof(e.currentTarget.value)}
          autocomplete="family-name"
          spellcheck={false}
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
