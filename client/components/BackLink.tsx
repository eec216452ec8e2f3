// GOV.UK-style "Back" link. Going back is a step change the room must agree to
// (`edit`), so the link asks the room and the page follows its answer. The href only
// serves open-in-new-tab, where the room's real step wins as usual.
import { text } from "../i18n";
import type { LiveSession } from "../session/live";
import { WIZARD_PATHS, withSession } from "../session/routing";

export function BackLink(props: { session: LiveSession; to: "details" | "parking" }) {
  return (
    <a
      class="back-link"
      href={withSession(WIZARD_PATHS[props.to], props.session.id)}
      onClick={(e) => {
        e.preventDefault();
        props.session.send({ type: "edit", step: props.to });
      }}
    >
      {text.back}
    </a>
  );
}
