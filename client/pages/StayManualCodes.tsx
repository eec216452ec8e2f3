// Codes of manual locks (a key box, a standalone keypad) on the stay page. The server
// sends a code only inside the stay window: before it the guest reads when it appears,
// after checkout the entry is gone. A code a manager changes during the stay replaces
// the old one live, and the change is read out, since the old code no longer opens.
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { StayView } from "../../shared/protocol/guest-stay";
import { Fill } from "../components/Fill";
import { PhoneLink } from "../components/PhoneLink";
import { formatDateTime } from "../format";
import { text } from "../i18n";

type Manual = StayView["manual"];

export function ManualCodes(props: { manual: Manual; roomName: string; validFrom: string; phone: string }) {
  const doors = () =>
    [
      { key: "frontDoor", name: text.stayFrontDoor, view: props.manual.frontDoor },
      { key: "room", name: props.roomName, view: props.manual.room },
    ].filter((d) => d.view !== null && d.view.phase !== "after");
  const [said, setSaid] = createSignal("");
  const codes = () => `${props.manual.frontDoor?.code ?? ""}|${props.manual.room?.code ?? ""}`;
  createEffect(
    on(codes, (now, before) => {
      if (before === undefined || now === before) return;
      const changed = (["frontDoor", "room"] as const).find(
        (side, i) =>
          props.manual[side]?.code && before.split("|")[i] !== "" && now.split("|")[i] !== before.split("|")[i],
      );
      if (changed) setSaid(text.stayManualChanged(changed === "frontDoor" ? text.stayFrontDoor : props.roomName));
    }),
  );
  return (
    <>
      <For each={doors()}>
        {(d) => (
          <section class="pin" aria-labelledby={`manual-${d.key}-title`} data-testid={`manual-${d.key}`}>
            <h2 class="pin__title" id={`manual-${d.key}-title`}>
              {text.stayManualCodeFor(d.name)}
            </h2>
            <Show
              when={d.view!.phase === "during" && d.view!.code}
              keyed
              fallback={
                <p class="pin__window">
                  {d.view!.phase === "before" ? (
                    text.stayManualAppears(d.name, formatDateTime(props.validFrom))
                  ) : (
                    <Fill
                      template={text.stayManualNotSet(d.name)}
                      values={{ phone: <PhoneLink e164={props.phone} /> }}
                    />
                  )}
                </p>
              }
            >
              {(code) => (
                <p class="pin__code" dir="ltr" data-testid={`manual-code-${d.key}`}>
                  {code}
                </p>
              )}
            </Show>
          </section>
        )}
      </For>
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="manual-announcer">
        {said()}
      </p>
    </>
  );
}
