// Staff sign-in. Errors are announced and focus moves to them; after too many tries
// the server's wait time is shown instead of letting staff guess.
import { createSignal, onMount, Show } from "solid-js";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { navigate } from "../router";
import { deskApi, failureMessage } from "./api";

export default function LoginPage(props: { alreadySignedIn: DeskMe | null; onSignedIn: () => void | Promise<void> }) {
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let heading!: HTMLHeadingElement;
  let alertBox: HTMLDivElement | undefined;

  onMount(() => {
    document.title = "Sign in – Front desk";
    heading.focus();
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!email().trim() || !password()) {
      setError("Enter your email and password.");
      queueMicrotask(() => alertBox?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    const result = await deskApi.login(email().trim(), password());
    setBusy(false);
    if (result.ok) {
      setPassword("");
      await props.onSignedIn();
      return;
    }
    const f = result.failure;
    setError(
      f.kind === "unauthorized" || (f.kind === "status" && f.code === "invalid_credentials")
        ? "That email and password don't match a staff account."
        : failureMessage(f),
    );
    queueMicrotask(() => alertBox?.focus());
  };

  return (
    <main class="desk-login" id="desk-main">
      <h1 ref={heading} tabindex="-1">
        Sign in to the front desk
      </h1>
      <Show when={props.alreadySignedIn}>
        {(me) => (
          <p class="desk-note">
            You are signed in as {me().displayName}.{" "}
            <a
              href="/desk/"
              onClick={(e) => {
                e.preventDefault();
                navigate("/desk/");
              }}
            >
              Go to the live board
            </a>
          </p>
        )}
      </Show>
      <Show when={error()}>
        <div class="desk-alert" role="alert" tabindex="-1" ref={alertBox}>
          {error()}
        </div>
      </Show>
      <form class="desk-form" onSubmit={submit} novalidate>
        <div class="desk-field">
          <label for="desk-email">Email</label>
          <input
            id="desk-email"
            name="email"
            type="email"
            autocomplete="username"
            spellcheck={false}
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={error() ? "true" : undefined}
          />
        </div>
        <div class="desk-field">
          <label for="desk-password">Password</label>
          <input
            id="desk-password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={error() ? "true" : undefined}
          />
        </div>
        <button class="desk-button" type="submit" disabled={busy()} aria-busy={busy() ? "true" : undefined}>
          {busy() ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
