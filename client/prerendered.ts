// /checkin/ arrives with its first screen already in #app (scripts/prerender.ts), so it
// paints before any script runs. The live page replaces that markup in one task: the
// browser paints nothing in between, and the markup is the same, so nothing moves.
// What the guest did meanwhile carries over: what they typed, where the cursor was, and a
// press of the button (held by the page's inline loader, scripts/prerender.ts).

interface Carried {
  values: [id: string, value: string][];
  submitted: boolean;
  focused: { id: string; start: number | null; end: number | null } | null;
}

/** Empties #app of prerendered markup; call the result once the live page is rendered. */
export function takePrerendered(app: HTMLElement): () => void {
  if (!app.hasAttribute("data-prerendered")) return () => {};
  const carried: Carried = { values: [], focused: null, submitted: app.hasAttribute("data-submit-pending") };
  for (const input of app.querySelectorAll<HTMLInputElement>("input[id]"))
    if (input.value) carried.values.push([input.id, input.value]);
  const active = document.activeElement;
  if (active instanceof HTMLInputElement && active.id && app.contains(active))
    carried.focused = { id: active.id, start: active.selectionStart, end: active.selectionEnd };
  app.removeAttribute("data-prerendered");
  app.removeAttribute("data-submit-pending");
  app.textContent = "";
  return () => restore(app, carried);
}

function restore(app: HTMLElement, { values, focused, submitted }: Carried): void {
  for (const [id, value] of values) {
    const input = document.getElementById(id);
    if (!(input instanceof HTMLInputElement) || input.value) continue;
    input.value = value;
    // The live page keeps its fields in signals fed by input events.
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  if (focused) {
    const input = document.getElementById(focused.id);
    if (input instanceof HTMLInputElement) {
      input.focus();
      if (focused.start !== null && focused.end !== null) input.setSelectionRange(focused.start, focused.end);
    }
  }
  if (submitted) app.querySelector("form")?.requestSubmit();
}
