// The returning guest on /checkin/, after the reference and its proof said "checked in".
// The door code is behind the stay link, not behind anything typed here: this browser's
// kept link if it is the one they checked in with, otherwise the front desk.
import { Show } from "solid-js";
import { Fill } from "../components/Fill";
import { Link } from "../components/Link";
import { Page } from "../components/Page";
import { PhoneLink } from "../components/PhoneLink";
import { text } from "../i18n";
import { ltr } from "../i18n/bidi";
import { keptStay, stayUrl } from "../stay-link";

export default function Returning(props: { bookingRef: string; propertyPhone: string; onCancel: () => void }) {
  const kept = keptStay();
  const ownStay = kept && (kept.bookingRef === null || kept.bookingRef === props.bookingRef) ? kept.token : null;
  return (
    <Page title={text.returningTitle}>
      <p>{text.returningIntro(ltr(props.bookingRef))}</p>
      <Show when={ownStay} keyed>
        {(token) => (
          <p>
            <Link class="button" href={stayUrl(token)}>
              {text.showMyStay}
            </Link>
          </p>
        )}
      </Show>
      <p>
        <Fill template={text.returningDeskHelp} values={{ phone: <PhoneLink e164={props.propertyPhone} /> }} />
      </p>
      {/* SEAM(messages): once email/SMS delivery exists, offer "send my stay link again" here (to the booked contact). */}
      <p>
        <button class="link-button" type="button" onClick={() => props.onCancel()}>
          {text.useAnotherBooking}
        </button>
      </p>
    </Page>
  );
}
