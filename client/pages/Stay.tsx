// /stay#<token> — what a checked-in guest needs at the door: the PIN, large, with a
// copy button, and when it works. Loaded over HTTP with the token in the body (the
// fragment never reaches a server), then kept live by the session's room (stay-live.ts):
// each lock's state, backup codes and "Code not working?". This browser keeps the link.
import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { stayToken } from "../../shared/protocol/common";
import type { StayResponse } from "../../shared/protocol/guest-http";
import { stay } from "../api";
import { Link } from "../components/Link";
import { Loading, Page } from "../components/Page";
import { Fill } from "../components/Fill";
import { PhoneLink } from "../components/PhoneLink";
import { formatDate, formatDateTime, timeOf } from "../format";
import { text, type Words } from "../i18n";
import { WIZARD_PATHS } from "../session/routing";
import { keepStay, stayLinkHref } from "../stay-link";
import { liveStay } from "./stay-live";
import { BackupCodes, DoorAnnouncer, DoorTrouble, LockStates } from "./StayDoor";
import { ManualCodes } from "./StayManualCodes";

export default function Stay(props: { token: string | null }) {
  const [result] = createResource(
    () => props.token ?? "",
    async (token) => {
      if (!stayToken.safeParse(token).success) return null;
      const answer = await stay(token);
      if (answer.ok) keepStay({ token, bookingRef: answer.value.bookingRef });
      return answer;
    },
  );
  return (
    <Switch fallback={<Loading />}>
      <Match when={result.state === "ready" && result()} keyed>
        {(r) =>
          r.ok ? (
            <StayDetails stay={r.value} token={props.token!} />
          ) : r.failure.kind === "status" && r.failure.status === 404 ? (
            <StayMissing />
          ) : (
            <Page title={text.stayNotFoundTitle}>
              <p>{text.stayLoadFailed}</p>
            </Page>
          )
        }
      </Match>
      <Match when={result.state === "ready" && result() === null}>
        <StayMissing />
      </Match>
    </Switch>
  );
}

function StayMissing() {
  return (
    <Page title={text.stayNotFoundTitle}>
      <p>{text.stayNotFoundBody}</p>
      <p>
        <Link class="button" href={WIZARD_PATHS.lookup}>
          {text.continue}
        </Link>
      </p>
    </Page>
  );
}

function StayDetails(props: { stay: StayResponse; token: string }) {
  const s = props.stay;
  const live = liveStay(props.token);
  const view = live.view;
  // The live view wins once it arrives: a code or window changed since the page loaded.
  const pinCode = () => view()?.code ?? s.pin;
  const validFrom = () => view()?.validFrom ?? s.pinValidFrom;
  const validUntil = () => view()?.validUntil ?? s.pinValidUntil;
  const manual = () => view()?.manual ?? s.manual;
  // The stay's own code opens the smart locks only; a manual lock has its code below.
  const pinOpens = () => {
    const from = formatDateTime(validFrom());
    const until = formatDateTime(validUntil());
    if (manual().frontDoor) return text.stayPinOpensOne(s.roomName, from, until);
    if (manual().room) return text.stayPinOpensOne(text.stayFrontDoor, from, until);
    return text.stayPinOpens(s.roomName, from, until);
  };
  const everyLockManual = () => manual().frontDoor !== null && manual().room !== null;
  return (
    <Page title={text.stayTitle(s.propertyName)} before={<p class="caption caption--done">{text.checkInComplete}</p>}>
      <p>{text.stayWelcome(s.guestName)}</p>
      <DoorAnnouncer view={view()} />
      <Show
        when={pinCode()}
        keyed
        fallback={
          <Show when={!everyLockManual()}>
            <p class="callout">
              <Fill template={text.stayPinMissing} values={{ phone: <PhoneLink e164={s.propertyPhone} /> }} />
            </p>
          </Show>
        }
      >
        {(pin) => (
          <section class="pin" aria-labelledby="pin-title">
            <h2 class="pin__title" id="pin-title">
              {text.stayPinTitle}
            </h2>
            <PinCode pin={pin} />
            <p class="pin__window">{pinOpens()}</p>
            <Show when={view()} keyed>
              {(v) => <LockStates view={v} roomName={s.roomName} />}
            </Show>
          </section>
        )}
      </Show>
      <ManualCodes manual={manual()} roomName={s.roomName} validFrom={validFrom()} phone={s.propertyPhone} />
      <Show when={view()} keyed>
        {(v) => <BackupCodes view={v} roomName={s.roomName} />}
      </Show>
      <DoorTrouble view={view()} phone={s.propertyPhone} report={live.reportTrouble} />
      <dl class="summary">
        <div class="summary__row">
          <dt class="summary__key">{text.stayRoom}</dt>
          <dd class="summary__value">{s.roomName}</dd>
        </div>
        <div class="summary__row">
          <dt class="summary__key">{text.stayCheckIn}</dt>
          <dd class="summary__value">
            {formatDate(s.checkInDate)}, {text.stayFrom(timeOf(validFrom()))}
            <Show when={s.earlyCheckInTime}> ({text.stayEarly})</Show>
          </dd>
        </div>
        <div class="summary__row">
          <dt class="summary__key">{text.stayCheckOut}</dt>
          <dd class="summary__value">
            {formatDate(s.checkOutDate)}, {text.stayUntil(timeOf(validUntil()))}
            <Show when={s.lateCheckoutTime}> ({text.stayLate})</Show>
          </dd>
        </div>
        <Show when={s.carRegistration}>
          <div class="summary__row">
            <dt class="summary__key">{text.stayCar}</dt>
            <dd class="summary__value">
              <bdi dir="ltr">{s.carRegistration}</bdi>
            </dd>
          </div>
        </Show>
        <div class="summary__row">
          <dt class="summary__key">{text.summaryBooking}</dt>
          <dd class="summary__value">
            <bdi dir="ltr">{s.bookingRef}</bdi>
          </dd>
        </div>
      </dl>
      <p>
        <Fill template={text.stayFrontDesk} values={{ phone: <PhoneLink e164={s.propertyPhone} /> }} />
      </p>
      <StayLink token={props.token} />
    </Page>
  );
}

/** The way back to this page from anywhere: the link itself, to keep or send to oneself. */
function StayLink(props: { token: string }) {
  const [status, setStatus] = createSignal<Words>(() => "");
  async function copy() {
    try {
      await navigator.clipboard.writeText(stayLinkHref(props.token));
      setStatus(() => () => text.stayLinkCopied);
    } catch {
      setStatus(() => () => text.copyFailed);
    }
  }
  return (
    <>
      <p>{text.stayLinkKeep}</p>
      <button class="button button--secondary" type="button" onClick={copy}>
        {text.copyStayLink}
      </button>
      <p role="status">{status()()}</p>
    </>
  );
}

function PinCode(props: { pin: string }) {
  const [status, setStatus] = createSignal<Words>(() => "");
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.pin);
      setStatus(() => () => text.copied);
    } catch {
      setStatus(() => () => text.copyFailed);
    }
  }
  return (
    <>
      {/* Digits spaced for reading, but copied and announced as one number. */}
      <p class="pin__code" data-testid="pin" dir="ltr">
        {props.pin}
      </p>
      <button class="button button--secondary" type="button" onClick={copy}>
        {text.copy}
      </button>
      <p class="pin__status" role="status">
        {status()()}
      </p>
    </>
  );
}
