// /checkin/parking/ — one question, yes or no; the registration field's space is
// always reserved so choosing "Yes" reveals it without moving anything.
import { createSignal } from "solid-js";
import { validateParking } from "../../domain/guest-details";
import type { ParkingInput } from "../../domain/guest-details";
import { ErrorSummary, wordFieldErrors } from "../components/ErrorSummary";
import { describedBy, FieldMessages, TextField } from "../components/Field";
import { FormAlert } from "../components/FormAlert";
import { Page } from "../components/Page";
import { SessionPage, type SessionView } from "../components/SessionPage";
import { BackLink } from "../components/BackLink";
import { text } from "../i18n";
import { createStepForm } from "../session/step-form";

const ORDER = ["hasCar", "registration"] as const;

export default function Parking() {
  return <SessionPage step="parking">{(view) => <ParkingForm {...view} />}</SessionPage>;
}

function ParkingForm(props: SessionView) {
  const saved = props.state().parking;
  const [hasCar, setHasCar] = createSignal<boolean | null>(saved ? saved.hasCar : null);
  const [registration, setRegistration] = createSignal(saved?.registration ?? "");
  const { errors, attempt, alert, showErrors, begin, clear, forget } = createStepForm(props.session);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!begin()) return;
    const choice = hasCar();
    if (choice === null) {
      return showErrors({ hasCar: () => text.parkingChoiceMissing });
    }
    const input: ParkingInput = choice ? { hasCar: true, registration: registration() } : { hasCar: false };
    const checked = validateParking(input);
    if (!checked.ok) {
      return showErrors(wordFieldErrors(checked.fields));
    }
    clear();
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
                    forget("registration");
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
