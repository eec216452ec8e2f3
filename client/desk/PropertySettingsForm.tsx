// The property's settings. Managers edit them; other staff see them read-only. The server
// checks the time zone, country and phone against real data, so its field errors are shown
// as they come, in a GOV.UK error summary.
import { createSignal, For, Show } from "solid-js";
import type { DeskPropertySettings } from "../../shared/bookings-protocol";
import { createDeskForm } from "./form-state";
import { bookingsApi } from "./bookings-api";
import { DeskAlert, DeskErrorSummary, DeskInput } from "./DeskErrorSummary";

type Field = keyof DeskPropertySettings;

const LABELS: Record<Field, string> = {
  name: "Property name",
  timeZone: "Time zone",
  country: "Country",
  phone: "Front desk phone",
  standardCheckInTime: "Standard check-in time",
  standardCheckoutTime: "Standard checkout time",
};

const HINTS: Partial<Record<Field, string>> = {
  timeZone: "An IANA time zone, like Europe/London",
  country: "Two letters, like GB. Guests' phone numbers default to this country.",
  phone: "Shown to guests who need help",
};

const PREFIX = "property";
const ZONE_LIST_ID = "property-time-zones";

/** The runtime's own list of zones, offered as suggestions; the server still decides. */
const KNOWN_ZONES: string[] = (() => {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.("timeZone") ?? [];
})();

export function PropertySettingsForm(props: {
  settings: DeskPropertySettings;
  canEdit: boolean;
  onSaved: (settings: DeskPropertySettings) => void;
}) {
  const [values, setValues] = createSignal<DeskPropertySettings>({ ...props.settings });
  const { errors, attempt, alert, busy, send } = createDeskForm({ generalErrors: "alert" });
  const set = (field: Field) => (value: string) => setValues({ ...values(), [field]: value });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const saved = await send(() => bookingsApi.saveProperty(values()));
    if (!saved) return;
    setValues({ ...saved.value });
    props.onSaved(saved.value);
  };

  const field = (name: Field, extra: { type?: string; list?: string } = {}) => (
    <DeskInput
      idPrefix={PREFIX}
      field={name}
      label={LABELS[name]}
      hint={HINTS[name]}
      value={values()[name]}
      error={errors()[name]}
      onInput={set(name)}
      {...extra}
    />
  );

  return (
    <Show
      when={props.canEdit}
      fallback={
        <section class="property-settings" aria-labelledby="property-title">
          <h2 id="property-title">Property settings</h2>
          <p class="desk-muted">Only a manager can change these.</p>
          <dl class="property-settings__list">
            <For each={Object.keys(LABELS) as Field[]}>
              {(name) => (
                <>
                  <dt>{LABELS[name]}</dt>
                  <dd>{props.settings[name]}</dd>
                </>
              )}
            </For>
          </dl>
        </section>
      }
    >
      <form class="desk-form property-settings" onSubmit={submit} novalidate aria-labelledby="property-title">
        <h2 id="property-title">Property settings</h2>
        <p class="desk-muted desk-small">Changes apply to check-ins that start after you save.</p>
        <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix={PREFIX} attempt={attempt()} />
        <DeskAlert message={alert()} />
        {field("name")}
        {field("timeZone", { list: ZONE_LIST_ID })}
        <datalist id={ZONE_LIST_ID}>
          <For each={KNOWN_ZONES}>{(zone) => <option value={zone} />}</For>
        </datalist>
        {field("country")}
        {field("phone", { type: "tel" })}
        <div class="booking-form__pair">
          {field("standardCheckInTime", { type: "time" })}
          {field("standardCheckoutTime", { type: "time" })}
        </div>
        <div class="booking-form__buttons">
          <button class="desk-button" type="submit" disabled={busy()}>
            Save settings
          </button>
        </div>
      </form>
    </Show>
  );
}
