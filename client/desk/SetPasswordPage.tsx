// Where an invitation or reset link lands, signed out. The token rides in the URL
// fragment, which browsers never send, so it is read here and posted in the body;
// once used it is dropped from the address bar and history.
import { createSignal, onMount, Show } from "solid-js";
import { MIN_PASSWORD_LENGTH } from "../../domain/password-policy";
import { followLink } from "../router";
import { DeskErrorSummary } from "./DeskErrorSummary";
import { createDeskForm } from "./form-state";
import { NewPasswordInput } from "./NewPasswordInput";
import { staffApi } from "./staff-api";
import "./staff.css";

const LABELS: Record<string, string> = { password: "New password" };
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export default function SetPasswordPage() {
  let heading!: HTMLHeadingElement;
  const token = window.location.hash.slice(1);
  const [password, setPassword] = createSignal("");
  const { errors, attempt, busy, check, send } = createDeskForm({ generalErrors: "summary" });
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
      check({ password: `Your password must be at least ${MIN_PASSWORD_LENGTH} characters` });
      return;
    }
    const saved = await send(
      () => staffApi.setPassword(token, password()),
      (f) => {
        if (f.kind !== "status" || f.code !== "link_expired") return false;
        setDead(f.message);
        queueMicrotask(() => heading.focus());
        return true;
      },
    );
    if (!saved) return;
    history.replaceState(history.state, "", window.location.pathname);
    setDone(saved.value.email);
    queueMicrotask(() => heading.focus());
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
            <NewPasswordInput
              idPrefix="setpw"
              field="password"
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
