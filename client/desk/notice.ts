// The board's one line of feedback for staff actions. Rows come and go as sessions
// change (a retried PIN leaves the "failed" state at once), so the confirmation lives
// on the page, not in the row that was clicked.
import { createSignal } from "solid-js";

const [notice, setNotice] = createSignal("");
export { notice };

export function notify(message: string) {
  // Re-announce an identical message: clear first so the live region changes.
  setNotice("");
  queueMicrotask(() => setNotice(message));
}
