// The door part of the stay page, live: where the code is on each lock, backup codes,
// and "Code not working?" with what to try. Changes are announced to screen readers
// through one polite live region, so a guest at the door hears "ready" or "backup code".
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { StayView } from "../../shared/protocol/guest-stay";
import { Fill } from "../components/Fill";
import { PhoneLink } from "../components/PhoneLink";
import { text } from "../i18n";

type LockState = StayView["locks"]["frontDoor"];

function lockWords(state: LockState): string {
  switch (state) {
    case "set":
      return text.stayLockSet;
    case "setting":
      return text.stayLockSetting;
    case "failed":
      return text.stayLockFailed;
    case "removed":
      return text.stayLockRemoved;
    default:
      return "";
  }
}

/** Each lock's state and, once every lock confirmed it, that the code is ready at the door. */
export function LockStates(props: { view: StayView; roomName: string }) {
  const doors = () =>
    [
      { key: "frontDoor", name: text.stayFrontDoor, state: props.view.locks.frontDoor },
      { key: "room", name: props.roomName, state: props.view.locks.room },
    ].filter((d) => d.state !== null);
  return (
    <div class="locks" data-testid="lock-states">
      <p class="locks__summary" classList={{ "locks__summary--ready": props.view.ready }}>
        {props.view.ready ? text.stayCodeReady : text.stayCodeWaiting}
      </p>
      <ul class="locks__list">
        <For each={doors()}>
          {(d) => (
            <li class="locks__item" data-state={d.state}>
              <span class="locks__door">{d.name}</span>: {lockWords(d.state)}
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

export function BackupCodes(props: { view: StayView; roomName: string }) {
  const codes = () =>
    [
      { key: "frontDoor", label: text.stayBackupFrontDoor, code: props.view.backups.frontDoor },
      { key: "room", label: text.stayBackupRoom(props.roomName), code: props.view.backups.room },
    ].filter((c): c is { key: string; label: string; code: string } => c.code !== null);
  return (
    <Show when={codes().length > 0}>
      <section class="backup" aria-labelledby="backup-title" data-testid="backup-codes">
        <h2 class="backup__title" id="backup-title">
          {text.stayBackupTitle}
        </h2>
        <p>{text.stayBackupBody}</p>
        <dl class="backup__list">
          <For each={codes()}>
            {(c) => (
              <div class="backup__row">
                <dt>{c.label}</dt>
                <dd class="backup__code" dir="ltr" data-testid={`backup-${c.key}`}>
                  {c.code}
                </dd>
              </div>
            )}
          </For>
        </dl>
      </section>
    </Show>
  );
}

/** One tap tells the desk; the guest sees at once what to try while someone looks. */
export function DoorTrouble(props: { view: StayView | null; phone: string; report: () => boolean }) {
  const [asked, setAsked] = createSignal(false);
  const [told, setTold] = createSignal(false);
  let heading!: HTMLHeadingElement;
  const hasBackup = () => !!props.view && (props.view.backups.frontDoor !== null || props.view.backups.room !== null);
  const tap = () => {
    setTold(props.report());
    setAsked(true);
    heading.focus();
  };
  return (
    <section class="trouble" aria-labelledby="trouble-title">
      <h2 class="trouble__title" id="trouble-title" ref={heading} tabindex="-1">
        {asked() ? text.doorTroubleTitle : text.doorTroubleQuestion}
      </h2>
      <Show
        when={asked()}
        fallback={
          <button class="button button--secondary" type="button" onClick={tap} data-testid="door-trouble">
            {text.doorTroubleButton}
          </button>
        }
      >
        <p data-testid="door-trouble-told">
          {told() || props.view?.trouble ? (
            text.doorTroubleSent
          ) : (
            <Fill template={text.doorTroubleNotSent} values={{ phone: <PhoneLink e164={props.phone} /> }} />
          )}
        </p>
        <ol class="trouble__steps">
          <li>{text.doorTroubleRetype}</li>
          <Show when={hasBackup()}>
            <li>{text.doorTroubleUseBackup}</li>
          </Show>
          <li>
            <Fill template={text.doorTroubleCall} values={{ phone: <PhoneLink e164={props.phone} /> }} />
          </li>
        </ol>
      </Show>
    </section>
  );
}

/** Says aloud what changed at the door: the code confirmed everywhere, a backup code added. */
export function DoorAnnouncer(props: { view: StayView | null }) {
  const [said, setSaid] = createSignal("");
  const backups = () => (props.view ? [props.view.backups.frontDoor, props.view.backups.room].join("|") : "");
  createEffect(
    on(
      () => props.view?.ready ?? false,
      (ready, was) => {
        if (ready && was === false) setSaid(text.stayCodeReady);
      },
    ),
  );
  createEffect(
    on(backups, (now, before) => {
      if (before !== undefined && now !== before && now !== "|") setSaid(text.stayBackupAdded);
    }),
  );
  return (
    <p class="visually-hidden" role="status" aria-live="polite" data-testid="door-announcer">
      {said()}
    </p>
  );
}
