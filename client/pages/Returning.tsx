// The returning guest on /checkin/: the last four digits of the phone they gave at
// check-in, before we show their door code again.
import { createSignal } from "solid-js";
import { stayAccess } from "../api";
import { ErrorSummary, type FieldErrors } from "../components/ErrorSummary";
import { TextField } from "../components/Field";
import { FormAlert } from "../components/FormAlert";
import { Page } from "../components/Page";
import { text, type Words } from "../i18n";
import { ltr } from "../i18n/bidi";
import { plural } from "../i18n/numbers";
import { navigate } from "../router";

export default function ReturningForm(props: { bookingRef: string; onCancel: () => void }) {
  const [digits, setDigits] = createSignal("");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<Words | null>(null);
  let busy = false;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setAlert(null);
    const typed = digits().replace(/\s+/g, "");
    if (!/^\d{4}$/.test(typed)) return setErrors({ phoneLast4: () => text.last4Invalid });
    setErrors({});

    busy = true;
    const result = await stayAccess(props.bookingRef, typed);
    busy = false;
    if (result.ok) return navigate(`/stay/${result.value.stayToken}`);
    const failure = result.failure;
    if (failure.kind === "rate-limited") {
      const seconds = failure.retryAfterSeconds;
      setAlert(() => () => plural(text.locale, seconds, text.tooManyAttempts));
    } else if (failure.kind === "status" && (failure.status === 403 || failure.fields?.phoneLast4)) {
      setErrors({ phoneLast4: () => (failure.status === 403 ? text.last4Wrong : text.last4Invalid) });
    } else setAlert(() => () => text.somethingWentWrong);
  }

  return (
    <Page title={text.returningTitle}>
      <ErrorSummary errors={errors()} order={["phoneLast4"]} attempt={attempt()} />
      <p>{text.returningIntro(ltr(props.bookingRef))}</p>
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
          dir="ltr"
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
