// The returning guest on /checkin/, after the reference and its proof said "checked in".
// The door code is behind the stay link, not behind anything typed here: this browser's
// kept link if it is the one they checked in with, the link sent again to the contacts on
// the booking, or the front desk.
import { createSignal, Match, Show, Switch } from "solid-js";
import type { StayLinkResendResponse } from "../../shared/protocol/guest-http";
import { resendStayLink } from "../api";
import { Fill } from "../components/Fill";
import { FormAlert } from "../components/FormAlert";
import { Link } from "../components/Link";
import { Page } from "../components/Page";
import { PhoneLink } from "../components/PhoneLink";
import { text, type Words } from "../i18n";
import { ltr } from "../i18n/bidi";
import { keptStay, stayUrl } from "../stay-link";

export default function Returning(props: {
  bookingRef: string;
  propertyPhone: string;
  /** The lookup's proof, kept in memory: without it the page cannot ask for the link again. */
  proof?: string;
  onCancel: () => void;
}) {
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
      <Show when={props.proof} keyed>
        {(proof) => <ResendStayLink bookingRef={props.bookingRef} proof={proof} secondary={Boolean(ownStay)} />}
      </Show>
      <p>
        <Fill template={text.returningDeskHelp} values={{ phone: <PhoneLink e164={props.propertyPhone} /> }} />
      </p>
      <p>
        <button class="link-button" type="button" onClick={() => props.onCancel()}>
          {text.useAnotherBooking}
        </button>
      </p>
    </Page>
  );
}

/** "k•••@example.com and •••• 1234", in the reader's language, each kept left to right. */
function destinations(sentTo: { to: string }[]): string {
  const list = new Intl.ListFormat(text.locale, { type: "conjunction" });
  return list.format(sentTo.map((d) => ltr(d.to)));
}

function ResendStayLink(props: { bookingRef: string; proof: string; secondary: boolean }) {
  const [answer, setAnswer] = createSignal<StayLinkResendResponse | null>(null);
  const [alert, setAlert] = createSignal<Words | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function send() {
    if (busy()) return;
    setBusy(true);
    setAlert(null);
    const result = await resendStayLink(props.bookingRef, props.proof);
    setBusy(false);
    if (result.ok) {
      setAnswer(result.value);
      return;
    }
    setAnswer(null);
    const failure = result.failure;
    setAlert(() => (failure.kind === "rate-limited" ? () => text.stayLinkResendLimit : () => text.somethingWentWrong));
  }

  return (
    <div>
      <p class="hint">{text.stayLinkResendHint}</p>
      <p>
        <button
          class={props.secondary ? "button button--secondary" : "button"}
          type="button"
          aria-disabled={busy() ? "true" : undefined}
          onClick={() => void send()}
        >
          {text.stayLinkResendButton}
        </button>
      </p>
      {/* Present from the start, so a screen reader announces what arrives in it. */}
      <div role="status" aria-live="polite">
        <Switch>
          <Match when={answer()?.kind === "sent" && answer()} keyed>
            {(a) => a.kind === "sent" && <p>{text.stayLinkResentTo(destinations(a.sentTo))}</p>}
          </Match>
          <Match when={answer()?.kind === "no-contact" && answer()} keyed>
            {(a) =>
              a.kind === "no-contact" && (
                <p>
                  <Fill
                    template={text.stayLinkResendNoContact}
                    values={{ phone: <PhoneLink e164={a.propertyPhone} /> }}
                  />
                </p>
              )
            }
          </Match>
        </Switch>
      </div>
      <FormAlert message={alert()} />
    </div>
  );
}
