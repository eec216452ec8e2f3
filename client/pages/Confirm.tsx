// /checkin/confirm/ — everything the guest entered, each with a Change link, and
// one button. If the door codes are still being made, the page says so and waits
// for the room to push completion: no polling, no timers, no second press.
import { createEffect, createSignal, on, Show, type JSX } from "solid-js";
import { BackLink } from "../components/BackLink";
import { FormAlert } from "../components/FormAlert";
import { Page } from "../components/Page";
import { SessionPage, type SessionView } from "../components/SessionPage";
import { formatDate } from "../format";
import { text, type Words } from "../i18n";
import { WIZARD_PATHS, withSession } from "../session/routing";
import { formatInternational } from "../phone";

export default function Confirm() {
  return <SessionPage step="confirm">{(view) => <ConfirmSummary {...view} />}</SessionPage>;
}

function ConfirmSummary(props: SessionView) {
  const [pressed, setPressed] = createSignal(false);
  const [alert, setAlert] = createSignal<Words | null>(null);
  const reservation = () => props.state().reservation;
  const details = () => props.state().details;
  const parking = () => props.state().parking;
  const preparing = () => props.state().confirmPending || (pressed() && props.session.waiting());

  createEffect(
    on(props.session.error, (error) => {
      if (error) setAlert(() => () => text.somethingWentWrong);
    }),
  );

  function confirm(event: SubmitEvent) {
    event.preventDefault();
    if (preparing() || props.session.waiting()) return;
    setAlert(null);
    setPressed(true);
    props.session.send({ type: "confirm" });
  }

  const change = (step: "details" | "parking", what: string) => (
    <a
      href={withSession(WIZARD_PATHS[step], props.session.id)}
      onClick={(e) => {
        e.preventDefault();
        props.session.send({ type: "edit", step });
      }}
    >
      {text.change}
      <span class="visually-hidden"> {what}</span>
    </a>
  );

  return (
    <Page title={text.confirmTitle} step={4} before={<BackLink session={props.session} to="parking" />}>
      <p>{text.confirmIntro}</p>
      <dl class="summary">
        <Row label={text.summaryBooking}>
          <bdi dir="ltr">{reservation().bookingRef}</bdi>
        </Row>
        <Row label={text.summaryRoom}>
          {reservation().roomName}, {reservation().propertyName}
        </Row>
        <Row label={text.summaryDates}>
          <span class="nowrap">{formatDate(reservation().checkInDate)}</span> –{" "}
          <span class="nowrap">{formatDate(reservation().checkOutDate)}</span>
        </Row>
        <Row label={text.summaryName} action={change("details", text.summaryName)}>
          {details()?.fullName}
        </Row>
        <Row label={text.summaryPhone} action={change("details", text.summaryPhone)}>
          <bdi dir="ltr">{formatInternational(details()?.phoneE164 ?? "")}</bdi>
        </Row>
        <Row label={text.summaryEmail} action={change("details", text.summaryEmail)}>
          {details()?.email ?? text.noEmail}
        </Row>
        <Row label={text.summaryCar} action={change("parking", text.summaryCar)}>
          {parking()?.hasCar ? <bdi dir="ltr">{parking()?.registration}</bdi> : text.noCar}
        </Row>
      </dl>
      <form novalidate onSubmit={confirm}>
        <button class="button" type="submit" aria-disabled={preparing() ? "true" : undefined}>
          {text.confirmButton}
        </button>
        {/* Always present and sized for its text, so the announcement neither moves the page nor goes unheard. */}
        <div class="status" role="status" aria-live="polite">
          <Show when={preparing()}>
            <p class="status__message">
              <span class="spinner" aria-hidden="true" />
              {text.preparing}
            </p>
            <p class="hint">{text.preparingHint}</p>
          </Show>
        </div>
        <FormAlert message={alert()} />
      </form>
    </Page>
  );
}

function Row(props: { label: string; action?: JSX.Element; children: JSX.Element }) {
  return (
    <div class="summary__row">
      <dt class="summary__key">{props.label}</dt>
      <dd class="summary__value">{props.children}</dd>
      <dd class="summary__action">{props.action}</dd>
    </div>
  );
}
