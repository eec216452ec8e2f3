// Everyone's own account: change the password, knowing the current one. The server's
// policy (length, common passwords) is the authority; its reasons are shown per field.
import { createSignal, onMount } from "solid-js";
import { MIN_PASSWORD_LENGTH } from "../../domain/password-policy";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { failureMessage } from "./api";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { staffApi } from "./staff-api";
import "./staff.css";

const LABELS: Record<string, string> = { currentPassword: "Current password", newPassword: "New password" };

export default function AccountPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [errors, setErrors] = createSignal<DeskFieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
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
    setErrors(missing);
    setAttempt(attempt() + 1);
    if (Object.keys(missing).length) return;
    setBusy(true);
    const result = await staffApi.changePassword(current(), next());
    setBusy(false);
    if (result.ok) {
      setCurrent("");
      setNext("");
      setNotice("Your password is changed. Use the new one next time you sign in.");
      return;
    }
    const f = result.failure;
    setErrors(f.kind === "status" && f.fields ? f.fields : { form: failureMessage(f) });
    setAttempt(attempt() + 1);
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
        <DeskInput
          idPrefix="password"
          field="newPassword"
          label="New password"
          type="password"
          autocomplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
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
