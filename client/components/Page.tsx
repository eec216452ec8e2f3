// The frame of every guest page: one h1 that takes focus when the page appears (so
// screen readers and keyboard users start at the new content), the document title,
// and an optional "Step N of 4" caption read out as part of the heading.
import { createEffect, onMount, Show, type JSX } from "solid-js";
import { text } from "../i18n";
import { formatNumber } from "../i18n/numbers";
import { live } from "../session/controller";
import { LanguageSwitcher } from "./LanguageSwitcher";

export const TOTAL_STEPS = 4;

export function Page(props: { title: string; step?: number; before?: JSX.Element; children?: JSX.Element }) {
  let heading!: HTMLHeadingElement;
  createEffect(() => {
    document.title = `${props.title} – ${text.serviceName}`;
  });
  onMount(() => heading.focus());
  return (
    <>
      <header class="masthead">
        <span class="masthead__name">{text.serviceName}</span>
        <LanguageSwitcher />
      </header>
      <main class="page" id="main">
        {props.before}
        <h1 ref={heading} tabindex="-1">
          <Show when={props.step}>
            {(n) => (
              <span class="caption">
                {text.stepOf(formatNumber(text.locale, n()), formatNumber(text.locale, TOTAL_STEPS))}
              </span>
            )}
          </Show>
          <span id="page-title">{props.title}</span>
        </h1>
        {props.children}
      </main>
      <ConnectionStatus />
    </>
  );
}

/** Floats over the page, so losing the connection never moves what the guest is reading. */
function ConnectionStatus() {
  const offline = () => {
    const session = live();
    return !!session && !!session.state() && !session.connected();
  };
  return (
    <p class="connection" classList={{ "connection--shown": offline() }} role="status">
      {offline() ? text.reconnecting : ""}
    </p>
  );
}

export function Loading() {
  return (
    <>
      <header class="masthead">
        <span class="masthead__name">{text.serviceName}</span>
        <LanguageSwitcher />
      </header>
      <main class="page" id="main" aria-busy="true">
        <p class="loading" role="status">
          {text.loading}
        </p>
      </main>
    </>
  );
}
