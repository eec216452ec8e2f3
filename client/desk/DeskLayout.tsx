// The frame of every signed-in desk page: property, navigation, who is signed in,
// and sign-out.
import { createSignal, Show, type JSX } from "solid-js";
import { followLink } from "../router";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { deskApi } from "./api";

export function DeskLayout(props: {
  me: DeskMe;
  current: "board" | "analytics" | "bookings" | "outbox" | "property" | "staff" | "integrations" | "account";
  onSignedOut: () => void;
  children: JSX.Element;
}) {
  const [busy, setBusy] = createSignal(false);
  const signOut = async () => {
    setBusy(true);
    await deskApi.logout();
    setBusy(false);
    props.onSignedOut();
  };
  return (
    <>
      <a class="desk-skip" href="#desk-main">
        Skip to content
      </a>
      <header class="desk-header">
        <div class="desk-header__brand">
          <span class="desk-header__product">Front desk</span>
          <span class="desk-header__property">{props.me.propertyName}</span>
        </div>
        <nav class="desk-nav" aria-label="Desk">
          <a href="/desk/" onClick={followLink} aria-current={props.current === "board" ? "page" : undefined}>
            Live board
          </a>
          <a
            href="/desk/bookings"
            onClick={followLink}
            aria-current={props.current === "bookings" ? "page" : undefined}
          >
            Bookings
          </a>
          <a href="/desk/outbox" onClick={followLink} aria-current={props.current === "outbox" ? "page" : undefined}>
            Outbox
          </a>
          <a
            href="/desk/analytics"
            onClick={followLink}
            aria-current={props.current === "analytics" ? "page" : undefined}
          >
            Analytics
          </a>
          <a
            href="/desk/property"
            onClick={followLink}
            aria-current={props.current === "property" ? "page" : undefined}
          >
            Property
          </a>
          <Show when={props.me.role === "manager"}>
            <a href="/desk/staff" onClick={followLink} aria-current={props.current === "staff" ? "page" : undefined}>
              Staff
            </a>
            <a
              href="/desk/integrations"
              onClick={followLink}
              aria-current={props.current === "integrations" ? "page" : undefined}
            >
              Integrations
            </a>
          </Show>
          <a href="/desk/account" onClick={followLink} aria-current={props.current === "account" ? "page" : undefined}>
            Your account
          </a>
        </nav>
        <div class="desk-header__user">
          <span>
            {props.me.displayName} <span class="desk-muted">({props.me.role})</span>
          </span>
          <button type="button" class="desk-button desk-button--quiet" onClick={signOut} disabled={busy()}>
            Sign out
          </button>
        </div>
      </header>
      <main class="desk-main" id="desk-main" tabindex="-1">
        {props.children}
      </main>
    </>
  );
}
