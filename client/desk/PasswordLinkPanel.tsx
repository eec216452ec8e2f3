// A one-time set-password link, shown once to the manager with a Copy button. The
// server keeps only its hash, so closing this panel loses it; a reset makes a new one.
import { createSignal } from "solid-js";
import type { SetPasswordLinkResponse } from "../../shared/staff-protocol";

export function PasswordLinkPanel(props: {
  answer: SetPasswordLinkResponse;
  purpose: "invite" | "reset";
  onClose: () => void;
}) {
  const [copied, setCopied] = createSignal("");
  const expires = () =>
    new Date(props.answer.expiresAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
  const copy = async () => {
    setCopied("");
    try {
      await navigator.clipboard.writeText(props.answer.link);
      setCopied("Link copied.");
    } catch {
      setCopied("Couldn't copy. Select the link and copy it yourself.");
    }
  };
  return (
    <section class="password-link" aria-labelledby="password-link-title" data-testid="password-link">
      <h2 id="password-link-title">
        {props.purpose === "invite" ? "Invitation" : "Password reset"} link for {props.answer.member.displayName}
      </h2>
      <p>
        Send this link to {props.answer.member.email} yourself. It works once, until {expires()}. This is the only time
        it is shown.
      </p>
      <div class="desk-field">
        <label for="password-link-url">Set-password link</label>
        <input id="password-link-url" type="text" readOnly value={props.answer.link} />
      </div>
      <div class="booking-form__buttons">
        <button type="button" class="desk-button desk-button--small" onClick={copy}>
          Copy link
        </button>
        <button type="button" class="desk-button desk-button--small desk-button--secondary" onClick={props.onClose}>
          Done<span class="visually-hidden"> with the link</span>
        </button>
      </div>
      <p class="desk-small" role="status">
        {copied()}
      </p>
    </section>
  );
}
