// Everyone's own account: change the password, knowing the current one. The server's
// policy (length, common passwords) is the authority; its reasons are shown per field.
import { createSignal, onMount } from "solid-js";
import { MIN_PASSWORD_LENGTH } from "../../domain/password-policy";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { createDeskForm } from "./form-state";
import { NewPasswordInput } from "./NewPasswordInput";
import { staffApi } from "./staff-api";
import "./staff.css";

const LABELS: Record<string, string> = { currentPassword: "Current password", newPassword: "New password" };

export default function AccountPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const { errors, attempt, busy, check, send } = createDeskForm({ generalErrors: "summary" });
  const [notice, setNotice] = createSignal("");

  onMount(() => {
    document.title = `Your account – ${props.me.propertyName}`;
    heading.focus();
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setNotice("");
    const missing: DeskFieldErrors = {};
    if (!current()) missing.currentPassword = "Enter your current password";
    if (next().length < MIN_PASSWORD_LENGTH) {
      missing.newPassword = `Your new password must be at least ${MIN_PASSWORD_LENGTH} characters`;
    }
    if (!check(missing)) return;
    if (!(await send(() => staffApi.changePassword(current(), next())))) return;
    setCurrent("");
    setNext("");
    setNotice("Your password is changed. Use the new one next time you sign in.");
  };

  return (
    <div class="account">
      <h1 ref={heading} tabindex="-1">
        Your account
      </h1>
      <p>
        Signed in as {props.me.displayName}, {props.me.email}.
      </p>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="account-notice">
        {notice()}
      </p>
      <form id="password-form" class="desk-form account-form" onSubmit={submit} novalidate>
        <h2>Change your password</h2>
        <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix="password" attempt={attempt()} />
        <DeskInput
          idPrefix="password"
          field="currentPassword"
          label="Current password"
          type="password"
          autocomplete="current-password"
          value={current()}
          error={errors().currentPassword}
          onInput={setCurrent}
        />
        <NewPasswordInput
          idPrefix="password"
          field="newPassword"
          value={next()}
          error={errors().newPassword}
          onInput={setNext}
        />
        <div>
          <button class="desk-button" type="submit" disabled={busy()}>
            Change password
          </button>
        </div>
      </form>
    </div>
  );
}
