// /checkin/not-found/?ref=… — the reference the guest typed, and what to do next.
import { BOOKING_REF_PATTERN } from "../../shared/protocol/common";
import { Link } from "../components/Link";
import { Page } from "../components/Page";
import { text } from "../i18n";
import { ltr } from "../i18n/bidi";
import { here } from "../router";
import { WIZARD_PATHS } from "../session/routing";

export default function NotFound() {
  // Only ever echo something shaped like a reference, never arbitrary text from a link.
  const ref = () => {
    const raw = (here().query.get("ref") ?? "").replace(/\s+/g, "").toUpperCase();
    return BOOKING_REF_PATTERN.test(raw) ? raw : "";
  };
  return (
    <Page title={text.notFoundTitle}>
      <p>{text.notFoundBody(ltr(ref() || "—"))}</p>
      <p>{text.notFoundNext}</p>
      <p>
        <Link class="button" href={WIZARD_PATHS.lookup}>
          {text.tryAgain}
        </Link>
      </p>
    </Page>
  );
}
