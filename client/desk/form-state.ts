// What every desk form keeps while it is filled in and sent: the errors shown per field,
// a form-level alert, the attempt count that moves focus to the error summary, and
// "busy" that disables the submit button while a request is out.
import { createSignal } from "solid-js";
import type { ApiFailure, ApiResult } from "../fetch-json";
import { failureMessage } from "./api";
import type { DeskFieldErrors } from "./DeskErrorSummary";

export function createDeskForm(options: {
  /**
   * Where a refusal without per-field reasons is shown: in the error summary (under the
   * key "form") or in the form's own alert line.
   */
  generalErrors: "summary" | "alert";
}) {
  const [errors, setErrors] = createSignal<DeskFieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const showErrors = (found: DeskFieldErrors) => {
    setErrors(found);
    setAttempt(attempt() + 1);
  };
  return {
    errors,
    attempt,
    alert,
    busy,
    showErrors,
    /** Shows the form's own checks; true when there is nothing to fix and it may be sent. */
    check(found: DeskFieldErrors): boolean {
      setAlert(null);
      showErrors(found);
      return Object.keys(found).length === 0;
    },
    /**
     * Sends with the button disabled. The server's per-field reasons go beside the fields,
     * anything else where `generalErrors` says; null when it was refused.
     */
    async send<T>(
      call: () => Promise<ApiResult<T>>,
      /** Takes a refusal the form shows its own way (e.g. an expired link); true when it did. */
      handled?: (failure: ApiFailure) => boolean,
    ): Promise<{ value: T } | null> {
      setBusy(true);
      const result = await call();
      setBusy(false);
      setAlert(null);
      if (result.ok) {
        setErrors({});
        return { value: result.value };
      }
      const f = result.failure;
      if (handled?.(f)) return null;
      if (f.kind === "status" && f.fields) showErrors(f.fields);
      else if (options.generalErrors === "summary") showErrors({ form: failureMessage(f) });
      else {
        setErrors({});
        setAlert(failureMessage(f));
        setAttempt(attempt() + 1);
      }
      return null;
    },
  };
}
