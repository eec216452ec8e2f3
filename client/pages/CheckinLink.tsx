// /checkin/<token>/ — a booking's check-in link: the booking is found from the link,
// so the guest goes straight to their details without typing a reference.
import { createSignal, onMount, Show } from "solid-js";
import { openCheckinLink } from "../api";
import { Link } from "../components/Link";
import { Loading, Page } from "../components/Page";
import { text } from "../i18n";
import { plural } from "../i18n/numbers";
import { navigate } from "../router";
import { WIZARD_PATHS, withSession } from "../session/routing";

export default function CheckinLink(props: { token: string }) {
  // Kept as a function of the active table, so a language switch re-words it in place.
  const [problem, setProblem] = createSignal<(() => string) | null>(null);
  onMount(async () => {
    const result = await openCheckinLink(props.token);
    if (result.ok) {
      const answer = result.value;
      if (answer.kind === "session")
        return navigate(withSession(WIZARD_PATHS.details, answer.sessionId), { replace: true });
      return setProblem(() => () => (answer.kind === "checked-in" ? text.linkCheckedIn : text.linkNotFound));
    }
    const f = result.failure;
    if (f.kind === "rate-limited") {
      const seconds = f.retryAfterSeconds;
      setProblem(() => () => plural(text.locale, seconds, text.tooManyAttempts));
    } else if (f.kind === "status" && f.status === 410) setProblem(() => () => text.linkExpired);
    else setProblem(() => () => text.somethingWentWrong);
  });
  return (
    <Show when={problem()} fallback={<Loading />}>
      {(message) => (
        <Page title={text.linkProblemTitle}>
          <p>{message()()}</p>
          <p>
            <Link class="button" href={WIZARD_PATHS.lookup}>
              {text.enterReferenceInstead}
            </Link>
          </p>
        </Page>
      )}
    </Show>
  );
}
