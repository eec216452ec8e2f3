// Where an invitation or reset link lands, signed out. The token rides in the URL
// fragment, which browsers never send, so it is read here and posted in the body;
// once used it is dropped from the address bar and history.
import { createSignal, onMount, Show } from "solid-js";
import { MIN_PASSWORD_LENGTH } from "../../domain/password-policy";
import { followLink } from "../router";
import { failureMessage } from "./api";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { staffApi } from "./staff-api";
import "./staff.css";

const LABELS: Record<string, string> = { password: "New password" };
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export default function SetPasswordPage() {
  let heading!: HTMLHeadingElement;
  const token = window.location.hash.slice(1);
  const [password, setPassword] = createSignal("");
  const [errors, setErrors] = createSignal<DeskFieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const [dead, setDead] = createSignal<string | null>(
    TOKEN.test(token) ? null : "This link is not complete. Ask a manager for a new one.",
  );

  onMount(() => {
    document.title = "Set your password – Front desk";
    heading.focus();
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (password().length < MIN_PASSWORD_LENGTH) {
      setErrors({ password: `Your password must be at least ${MIN_PASSWORD_LENGTH} characters` });
      setAttempt(attempt() + 1);
      return;
    }
    setBusy(true);
    const result = await staffApi.setPassword(token, password());
    setBusy(false);
    if (result.ok) {
      setErrors({});
      history.replaceState(history.state, "", window.location.pathname);
      setDone(result.value.email);
      queueMicrotask(() => heading.focus());
      return;
    }
    const f = result.failure;
    if (f.kind === "status" && f.code === "link_expired") {
      setDead(f.message);
      queueMicrotask(() => heading.focus());
      return;
    }
    setErrors(f.kind === "status" && f.fields ? f.fields : { form: failureMessage(f) });
    setAttempt(attempt() + 1);
  };

  return (
    <main class="desk-login" id="desk-main">
      <h1 ref={heading} tabindex="-1">
        {done() ? "Your password is set" : "Set your password"}
      </h1>
      <Show
        when={!done()}
        fallback={
          <p>
            You can now sign in as {done()}.{" "}
            <a href="/desk/login" onClick={followLink}>
              Sign in to the front desk
            </a>
          </p>
        }
      >
        <Show
          when={!dead()}
          fallback={
            <div class="desk-alert" role="alert">
              {dead()}
            </div>
          }
        >
          <form id="setpw-form" class="desk-form" onSubmit={submit} novalidate>
            <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix="setpw" attempt={attempt()} />
            <DeskInput
              idPrefix="setpw"
              field="password"
              label="New password"
              type="password"
              autocomplete="new-password"
              hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
              value={password()}
              error={errors().password}
              onInput={setPassword}
            />
            <div>
              <button class="desk-button" type="submit" disabled={busy()}>
                Set password
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </main>
  );
}
