// /checkin/details/ — name, phone (country + national number, formatted as typed)
// and an optional email. Checked here with the same rules the room applies, so most
// mistakes are caught without a round trip; the room's verdict still wins.
import type { CountryCode } from "libphonenumber-js/min";
import { createSignal, For } from "solid-js";
import { validateDetails } from "../../domain/guest-details";
import type { DetailsInput } from "../../domain/guest-details";
import { ErrorSummary, wordFieldErrors } from "../components/ErrorSummary";
import { describedBy, FieldMessages, TextField } from "../components/Field";
import { FormAlert } from "../components/FormAlert";
import { Link } from "../components/Link";
import { Page } from "../components/Page";
import { SessionPage, type SessionView } from "../components/SessionPage";
import { text } from "../i18n";
import { createStepForm } from "../session/step-form";
import { COUNTRIES, countryOption, formatAsYouType, propertyCountry, splitE164 } from "../phone";
import { leaveSession } from "../session/controller";
import { WIZARD_PATHS } from "../session/routing";

const ORDER = ["fullName", "phone", "email"] as const;

export default function Details() {
  return <SessionPage step="details">{(view) => <DetailsForm {...view} />}</SessionPage>;
}

function DetailsForm(props: SessionView) {
  const saved = props.state().details;
  const savedPhone = saved ? splitE164(saved.phoneE164) : null;
  const [fullName, setFullName] = createSignal(saved?.fullName ?? "");
  const [country, setCountry] = createSignal<CountryCode>(
    savedPhone?.country ?? propertyCountry(props.state().reservation.propertyCountry),
  );
  const [phone, setPhone] = createSignal(savedPhone?.national ?? "");
  const [email, setEmail] = createSignal(saved?.email ?? "");
  const { errors, attempt, alert, showErrors, begin, clear } = createStepForm(props.session);
  const countries = COUNTRIES.includes(country()) ? COUNTRIES : [country(), ...COUNTRIES];

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!begin()) return;
    const input: DetailsInput = {
      fullName: fullName(),
      phone: phone(),
      phoneCountry: country(),
      email: email().trim() || undefined,
    };
    const checked = validateDetails(input);
    if (!checked.ok) {
      return showErrors(wordFieldErrors(checked.fields));
    }
    clear();
    props.session.send({ type: "details", details: input });
  }

  function typePhone(event: InputEvent & { currentTarget: HTMLInputElement }) {
    const el = event.currentTarget;
    // Reformat only while typing at the end: editing mid-number or deleting a space
    // must not fight the guest's cursor.
    const atEnd = el.selectionStart === el.value.length;
    if (atEnd && event.inputType.startsWith("insert")) el.value = formatAsYouType(el.value, country());
    setPhone(el.value);
  }

  return (
    <Page title={text.detailsTitle} step={2}>
      <ErrorSummary errors={errors()} order={ORDER} attempt={attempt()} />
      <form novalidate onSubmit={submit}>
        <TextField
          id="fullName"
          label={text.fullNameLabel}
          error={errors().fullName}
          value={fullName()}
          onInput={(e) => setFullName(e.currentTarget.value)}
          autocomplete="name"
          spellcheck={false}
        />
        <div class="field" classList={{ "field--error": !!errors().phone }}>
          <label class="label" for="phone">
            {text.phoneLabel}
          </label>
          <FieldMessages id="phone" hint={text.phoneHint} error={errors().phone} />
          <div class="phone">
            <label class="visually-hidden" for="phoneCountry">
              {text.countryLabel}
            </label>
            <select
              class="select"
              id="phoneCountry"
              name="phoneCountry"
              value={country()}
              onChange={(e) => {
                const next = e.currentTarget.value as CountryCode;
                setCountry(next);
                setPhone((p) => (p.trim().startsWith("+") ? p : formatAsYouType(p, next)));
              }}
            >
              <For each={countries}>{(code) => <option value={code}>{countryOption(code)}</option>}</For>
            </select>
            <input
              class="input"
              id="phone"
              name="phone"
              type="tel"
              dir="ltr"
              autocomplete="tel-national"
              value={phone()}
              onInput={typePhone}
              aria-describedby={describedBy("phone", true, errors().phone)}
              aria-invalid={errors().phone ? "true" : undefined}
            />
          </div>
        </div>
        <TextField
          id="email"
          type="email"
          label={text.emailLabel}
          error={errors().email}
          value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)}
          autocomplete="email"
          spellcheck={false}
        />
        <button class="button" type="submit">
          {text.continue}
        </button>
        <FormAlert message={alert()} />
      </form>
      <p>
        <Link href={WIZARD_PATHS.lookup} onClick={() => leaveSession()}>
          {text.startAgain}
        </Link>
      </p>
    </Page>
  );
}
