// How a Seam access code's `status`, `errors` and `warnings` read as Frontdoor's lock
// code state. No I/O: the adapter, the webhook handler and the simulator's tests share it.
import type { LockCodeState } from "../provider";
import type { SeamAccessCode } from "./wire";

/** Access-code errors after which Seam stops trying to put the code on the lock. */
const FAILED_ERRORS: ReadonlySet<string> = new Set([
  "failed_to_set_on_device",
  "duplicate_code_on_device",
  "no_space_for_access_code_on_device",
  "code_modified_external_to_seam",
]);

export function codeStateOf(code: Pick<SeamAccessCode, "status" | "errors">): LockCodeState {
  if (code.errors.some((e) => e.error_code !== undefined && FAILED_ERRORS.has(e.error_code))) return "failed";
  switch (code.status) {
    case "set":
      return "set";
    case "removing":
      return "removed";
    default:
      // `unset` (scheduled, not yet programmed), `setting` and `unknown` all mean "not confirmed yet".
      return "setting";
  }
}

/** Webhook event types that say where one code is; the rest are about devices or not ours to act on. */
export const CODE_EVENT_STATES: Readonly<Record<string, LockCodeState>> = {
  "access_code.set_on_device": "set",
  "access_code.failed_to_set_on_device": "failed",
  "access_code.removed_from_device": "removed",
  "access_code.deleted_external_to_seam": "removed",
};
