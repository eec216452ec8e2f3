// /checkin/parking/ — one question, yes or no; the registration field's space is
// always reserved so choosing "Yes" reveals it without moving anything.
import { createEffect, createSignal, on } from "solid-js";
import { validateParking } from "../../domain/guest-details";
import type { ParkingInput } from "../../domain/guest-details";
import { ErrorSummary, wordFieldErrors, type FieldErrors } from "../components/ErrorSummary";
import { describedBy, FieldMessages, TextField } from "../components/Field";
import { FormAlert } from "../components/FormAlert";
import { Page } from "../components/Page";
import { SessionPage, type SessionView } from "../components/SessionPage";
import { BackLink } from "../components/BackLink";
import { text, type Words } from "../i18n";

const ORDER = ["hasCar", "registration"] as const;

export default function Parking() {
  return <SessionPage step="parking">{(view) => <ParkingForm {...view} />}</SessionPage>;
}

function ParkingForm(props: SessionView) {
  const saved = props.state().parking;
  const [hasCar, setHasCar] = createSignal<boolean | null>(saved ? saved.hasCar : null);
  const [registration, setRegistration] = createSignal(saved?.registration ?? "");
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<Words | null>(null);

  createEffect(
    on(props.session.error, (error) => {
      if (!error) return;
      setAttempt((n) => n + 1);
      if (error.code === "validation" && error.fields) setErrors(wordFieldErrors(error.fields));
      else setAlert(() => () => text.somethingWentWrong);
    }),
  );

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (props.session.waiting()) return;
    setAlert(null);
    const choice = hasCar();
    if (choice === null) {
      setAttempt((n) => n + 1);
      return setErrors({ hasCar: () => text.parkingChoiceMissing });
    }
    const input: ParkingInput = choice ? { hasCar: true, registration: registration() } : { hasCar: false };
    const checked = validateParking(input);
    if (!checked.ok) {
      setAttempt((n) => n + 1);
      return setErrors(wordFieldErrors(checked.fields));
    }
    setErrors({});
    props.session.send({ type: "parking", parking: input });
  }

  return (
    <Page title={text.parkingTitle} step={3} before={<BackLink session={props.session} to="details" />}>
      <ErrorSummary errors={errors()} order={ORDER} attempt={attempt()} />
      <form novalidate onSubmit={submit}>
        <div class="field" classList={{ "field--error": !!errors().hasCar }}>
          <fieldset
            class="fieldset"
            aria-labelledby="page-title"
            aria-describedby={describedBy("hasCar", true, errors().hasCar)}
          >
            <FieldMessages id="hasCar" hint={text.parkingHint} error={errors().hasCar} />
            <div class="radios">
              {/* The first radio carries the id the error summary links to. */}
              <label class="radio">
                <input
                  type="radio"
                  name="hasCar"
                  id="hasCar"
                  value="yes"
                  checked={hasCar() === true}
                  onChange={() => setHasCar(true)}
                />
                <span>{text.yes}</span>
              </label>
              <label class="radio">
                <input
                  type="radio"
                  name="hasCar"
                  value="no"
                  checked={hasCar() === false}
                  onChange={() => {
                    setHasCar(false);
                    setErrors((e) => ({ ...e, registration: undefined }));
                  }}
                />
                <span>{text.no}</span>
              </label>
            </div>
          </fieldset>
        </div>
        <div class="reveal" classList={{ "reveal--hidden": hasCar() !== true }} aria-hidden={hasCar() !== true}>
          <TextField
            id="registration"
            label={text.registrationLabel}
            hint={text.registrationHint}
            error={errors().registration}
            value={registration()}
            onInput={(e) => setRegistration(e.currentTarget.value)}
            disabled={hasCar() !== true}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            class="input--ref"
            dir="ltr"
          />
        </div>
        <button class="button" type="submit">
          {text.continue}
        </button>
        <FormAlert message={alert()} />
      </form>
    </Page>
  );
}
