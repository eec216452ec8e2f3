// A form of one text field with a GOV.UK error summary: naming a new API key, adding a
// webhook URL. The server's per-field reason is shown beside the field.
import { createSignal } from "solid-js";
import type { ApiResult } from "../fetch-json";
import { DeskErrorSummary, DeskInput } from "./DeskErrorSummary";
import { createDeskForm } from "./form-state";

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
  const form = createDeskForm({ generalErrors: "summary" });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (form.busy()) return;
    if (!form.check(value().trim() ? {} : { [props.field]: props.missing })) return;
    const sent = await form.send(() => props.submit(value().trim()));
    if (!sent) return;
    setValue("");
    props.onDone(sent.value);
  };

  return (
    <form class="desk-form" onSubmit={submit} novalidate aria-labelledby={`${props.idPrefix}-title`}>
      <h3 id={`${props.idPrefix}-title`}>{props.title}</h3>
      <DeskErrorSummary
        errors={form.errors()}
        labels={{ [props.field]: props.label }}
        idPrefix={props.idPrefix}
        attempt={form.attempt()}
      />
      <DeskInput
        idPrefix={props.idPrefix}
        field={props.field}
        label={props.label}
        hint={props.hint}
        type={props.type}
        value={value()}
        error={form.errors()[props.field]}
        onInput={setValue}
      />
      <div class="booking-form__buttons">
        <button type="submit" class="desk-button" disabled={form.busy()}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
