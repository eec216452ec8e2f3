// A form of one text field with a GOV.UK error summary: naming a new API key, adding a
// webhook URL. The server's per-field reason is shown beside the field.
import { createSignal } from "solid-js";
import type { ApiResult } from "../fetch-json";
import { failureMessage } from "./api";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";

export function OneFieldForm<T>(props: {
  idPrefix: string;
  title: string;
  field: string;
  label: string;
  hint: string;
  type?: string;
  missing: string;
  submitLabel: string;
  submit: (value: string) => Promise<ApiResult<T>>;
  onDone: (value: T) => void;
}) {
  const [value, setValue] = createSignal("");
  const [errors, setErrors] = createSignal<DeskFieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setAttempt(attempt() + 1);
    if (!value().trim()) return setErrors({ [props.field]: props.missing });
    setErrors({});
    setBusy(true);
    const result = await props.submit(value().trim());
    setBusy(false);
    if (result.ok) {
      setValue("");
      return props.onDone(result.value);
    }
    const f = result.failure;
    setErrors(
      f.kind === "status" && f.fields?.[props.field]
        ? { [props.field]: f.fields[props.field]! }
        : { form: failureMessage(f) },
    );
    setAttempt(attempt() + 1);
  };

  return (
    <form class="desk-form" onSubmit={submit} novalidate aria-labelledby={`${props.idPrefix}-title`}>
      <h3 id={`${props.idPrefix}-title`}>{props.title}</h3>
      <DeskErrorSummary
        errors={errors()}
        labels={{ [props.field]: props.label }}
        idPrefix={props.idPrefix}
        attempt={attempt()}
      />
      <DeskInput
        idPrefix={props.idPrefix}
        field={props.field}
        label={props.label}
        hint={props.hint}
        type={props.type}
        value={value()}
        error={errors()[props.field]}
        onInput={setValue}
      />
      <div class="booking-form__buttons">
        <button type="submit" class="desk-button" disabled={busy()}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
