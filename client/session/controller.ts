// Keeps the URL and the live session in step. Whichever moves first — the guest
// (Back, a bookmark, a shared link) or the room (a transition, another device) —
// the page always ends up at `urlForState(state)`.
import { createEffect, createSignal, untrack } from "solid-js";
import type { Language } from "../../domain/languages";
import { language, setLanguage, text, type Words } from "../i18n";
import { here, navigate } from "../router";
import { openLiveSession, type LiveSession } from "./live";
import { isSessionPath, urlForState, WIZARD_PATHS } from "./routing";
import { forget, remember, rememberedSessionId } from "./store";

const [live, setLive] = createSignal<LiveSession | null>(null);
/** A message for the booking-reference page about why the guest is back there. */
const [notice, setNotice] = createSignal<Words | null>(null);

export { live, notice, setNotice };

export function joinSession(id: string): LiveSession {
  const current = live();
  if (current?.id === id) return current;
  current?.close();
  remember(id);
  const next = openLiveSession(id);
  setLive(next);
  return next;
}

export function leaveSession(message: Words | null = null): void {
  live()?.close();
  setLive(null);
  forget();
  setNotice(() => message);
}

/** The guest picked a language: show it now, keep it on this device, and tell their other devices. */
export async function chooseLanguage(lang: Language): Promise<void> {
  await setLanguage(lang, { remember: true });
  const session = live();
  if (session?.state() && session.state()!.language !== lang) session.send({ type: "language", language: lang });
}

/**
 * The session carries the language: a device joining it opens in the language chosen
 * on the first, and a session that has none yet takes this device's.
 */
function followSessionLanguage(): void {
  let seen: { id: string; language: Language | null } | null = null;
  createEffect(() => {
    const session = live();
    const state = session?.state();
    if (!session || !state) return;
    const previous = seen?.id === session.id ? seen.language : undefined;
    seen = { id: session.id, language: state.language };
    if (state.language === previous) return;
    if (state.language === null) {
      if (state.step !== "completed" && state.step !== "expired") {
        session.send({ type: "language", language: untrack(language) });
      }
    } else if (state.language !== untrack(language)) {
      void setLanguage(state.language);
    }
  });
}

/** Call once inside the app's root. */
export function followSession(): void {
  followSessionLanguage();
  createEffect(() => {
    const { path, query } = here();
    if (!isSessionPath(path)) return;
    const id = rememberedSessionId(query);
    // Only the URL drives this effect; leaving a session must not rejoin it from the old URL.
    if (id) untrack(() => joinSession(id));
    else if (path !== WIZARD_PATHS.lookup) navigate(WIZARD_PATHS.lookup, { replace: true });
  });

  let last: { id: string; step: string } | null = null;
  createEffect(() => {
    const session = live();
    const state = session?.state();
    const error = session?.error();
    const { path, query } = here();
    if (!session || !isSessionPath(path)) return;

    if (!state) {
      // The room does not know this session (a stale link or storage): start over cleanly.
      if (error?.code === "not_found") {
        leaveSession(() => text.sessionGone);
        navigate(WIZARD_PATHS.lookup, { replace: true });
      }
      return;
    }
    // Typing /checkin/ after finishing means a new check-in (another booking), not "show my stay again".
    if (state.step === "completed" && path === WIZARD_PATHS.lookup && !query.has("s")) {
      leaveSession();
      return;
    }
    const target = urlForState(state);
    if (target === null) {
      leaveSession(() => text.sessionExpired);
      navigate(WIZARD_PATHS.lookup, { replace: path === WIZARD_PATHS.lookup });
      return;
    }
    const moved = last !== null && last.id === session.id && last.step !== state.step;
    last = { id: session.id, step: state.step };
    const wanted = new URL(target, location.origin);
    if (wanted.pathname === path && wanted.searchParams.get("s") === query.get("s")) return;
    // A live transition is a new page in history; correcting a stale URL is not.
    navigate(target, { replace: !moved });
  });
}
