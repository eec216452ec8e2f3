// A router small enough to read in one go: the History API plus one signal. The
// wizard has a handful of fixed paths, which does not justify a dependency.
import { createSignal } from "solid-js";

export interface Location {
  /** Always ends with "/" under /checkin; /stay carries its token in the fragment, not here. */
  path: string;
  query: URLSearchParams;
}

function read(): Location {
  return { path: normalise(location.pathname), query: new URLSearchParams(location.search) };
}

function normalise(path: string): string {
  if (path.startsWith("/checkin") && !path.endsWith("/")) return `${path}/`;
  return path;
}

const [current, setCurrent] = createSignal<Location>(read());
export const here = current;

addEventListener("popstate", () => setCurrent(read()));

/** For a URL changed behind the router's back before the first render (an old stay link's token moved). */
export function rereadLocation(): void {
  setCurrent(read());
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const target = new URL(to, location.origin);
  if (target.pathname + target.search === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, "", target);
  else history.pushState(null, "", target);
  setCurrent(read());
}

/** Lets ordinary `<a href>` links navigate in-app while keeping open-in-new-tab working. */
export function followLink(event: MouseEvent): void {
  const a = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  if (a.origin !== location.origin) return;
  event.preventDefault();
  navigate(a.pathname + a.search + a.hash);
}
