// /checkin/error/ — the check-in cannot go on by itself. When the door codes failed,
// the guest's details are kept and the front desk can finish the check-in; the page
// stays connected, so it moves on to the stay page by itself when they do. Any other
// dead end (say, the booking was just checked in on another device) offers a fresh start.
import { Show } from "solid-js";
import { Fill } from "../components/Fill";
import { Link } from "../components/Link";
import { Page } from "../components/Page";
import { PhoneLink } from "../components/PhoneLink";
import { SessionPage, type SessionView } from "../components/SessionPage";
import { text } from "../i18n";
import { ltr } from "../i18n/bidi";
import { leaveSession } from "../session/controller";
import { WIZARD_PATHS } from "../session/routing";

export default function ErrorPage() {
  return <SessionPage step="error">{(view) => <ErrorDetails {...view} />}</SessionPage>;
}

function ErrorDetails(props: SessionView) {
  const reservation = () => props.state().reservation;
  const pinFailed = () => props.state().errorCode === "pin_failed";
  const body = () => {
    const code = props.state().errorCode;
    return code === "pin_failed"
      ? text.errorBody
      : code === "checked_in_elsewhere"
        ? text.checkedInElsewhereBody
        : text.errorOtherBody;
  };
  return (
    <Page title={text.errorTitle}>
      <p>{body()}</p>
      <p class="callout">
        <Show when={reservation().propertyPhone} fallback={text.errorNextNoPhone}>
          {(phone) => <Fill template={text.errorNextWithPhone} values={{ phone: <PhoneLink e164={phone()} /> }} />}
        </Show>
      </p>
      <p>{text.yourBookingRef(ltr(reservation().bookingRef))}</p>
      <Show
        when={pinFailed()}
        fallback={
          <p>
            <Link class="button" href={WIZARD_PATHS.lookup} onClick={() => leaveSession()}>
              {text.tryAgain}
            </Link>
          </p>
        }
      >
        <p class="hint">{text.errorWaiting}</p>
      </Show>
    </Page>
  );
}
