import { Show } from "solid-js";
import type { Words } from "../i18n";

/**
 * A form-level message (rate limit, server trouble) in space reserved below the
 * button: the live region exists from the start so it is announced, and the
 * reserved height means its arrival never pushes the form around.
 */
export function FormAlert(props: { message: Words | null }) {
  return (
    <div class="form-alert" role="alert">
      <Show when={props.message}>
        <p class="form-alert__message">{props.message?.()}</p>
      </Show>
    </div>
  );
}
