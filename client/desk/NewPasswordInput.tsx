// The one way a desk form asks for a new password, with the policy's length in its hint.
// The server's check (length, common passwords) stays the authority.
import { MIN_PASSWORD_LENGTH } from "../../domain/password-policy";
import { DeskInput } from "./DeskErrorSummary";

export function NewPasswordInput(props: {
  idPrefix: string;
  field: string;
  value: string;
  error?: string;
  onInput: (value: string) => void;
}) {
  return (
    <DeskInput
      idPrefix={props.idPrefix}
      field={props.field}
      label="New password"
      type="password"
      autocomplete="new-password"
      hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
      value={props.value}
      error={props.error}
      onInput={props.onInput}
    />
  );
}
