// What a wizard step's form keeps: the errors shown per field, the attempt count that
// moves focus to the error summary, and the alert for a refusal no field explains. The
// room's own refusals (it re-checks every step) arrive here the same way as the form's.
import { createEffect, createSignal, on } from "solid-js";
import { type FieldErrors, wordFieldErrors } from "../components/ErrorSummary";
import { text, type Words } from "../i18n";
import type { LiveSession } from "./live";

export function createStepForm(session: LiveSession) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [alert, setAlert] = createSignal<Words | null>(null);
  const showErrors = (found: FieldErrors) => {
    setAttempt((n) => n + 1);
    setErrors(found);
  };

  createEffect(
    on(session.error, (error) => {
      if (!error) return;
      setAttempt((n) => n + 1);
      if (error.code === "validation" && error.fields) setErrors(wordFieldErrors(error.fields));
      else setAlert(() => () => text.somethingWentWrong);
    }),
  );

  return {
    errors,
    attempt,
    alert,
    showErrors,
    /** A new submit: the last one's alert goes. False while the room is still answering the last one. */
    begin(): boolean {
      if (session.waiting()) return false;
      setAlert(null);
      return true;
    },
    /** The form's own checks passed: clear what they showed before sending. */
    clear() {
      setErrors({});
    },
    /** A field's error no longer applies (its question was answered another way). */
    forget(field: string) {
      setErrors((e) => ({ ...e, [field]: undefined }));
    },
  };
}
