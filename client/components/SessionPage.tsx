// Shows a wizard page only while the live session is on that page's step. In any
// other moment (state still loading, or a redirect to the real step under way) the
// guest sees the loading frame instead of a page that is about to disappear.
import { Show, type Accessor, type JSX } from "solid-js";
import type { PublicSessionState } from "../../domain/checkin-types";
import type { StepName } from "../../domain/steps";
import { live } from "../session/controller";
import type { LiveSession } from "../session/live";
import { Loading } from "./Page";

export interface SessionView {
  session: LiveSession;
  state: Accessor<PublicSessionState>;
}

export function SessionPage(props: { step: StepName; children: (view: SessionView) => JSX.Element }) {
  return (
    <Show when={live()} keyed fallback={<Loading />}>
      {(session) => (
        <Show when={session.state()?.step === props.step} fallback={<Loading />}>
          {props.children({ session, state: () => session.state()! })}
        </Show>
      )}
    </Show>
  );
}
