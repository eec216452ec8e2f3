// The live board: sessions in progress, check-ins completed today and today's
// arrivals, all for the signed-in staff member's property. The socket keeps the first
// two current; arrivals are re-read whenever the board says something moved.
import { createMemo, createSignal, onCleanup, onMount, Show } from "solid-js";
import type { BoardSession } from "../../domain/board";
import { lockStateWords } from "../../domain/lock-code-tracking";
import type { DeskArrivalsResponse, DeskMe } from "../../shared/protocol/desk-http";
import { deskApi, failureMessage } from "./api";
import { openBoard } from "./board-socket";
import { clockTime, DEVICE_LABEL, formatDuration, languageLabel, pinText, stepText } from "./format";
import { notice } from "./notice";
import { DoorAlerts } from "./DoorAlert";
import { FixPin, RevealPin } from "./PinControls";
import { DeskTable } from "./DeskTable";

const ARRIVAL_LABEL = {
  "checked-in": "Checked in",
  "in-progress": "In progress",
  "not-started": "Not started",
} as const;

export default function BoardPage(props: { me: DeskMe }) {
  const [now, setNow] = createSignal(Date.now());
  const [arrivals, setArrivals] = createSignal<DeskArrivalsResponse | null>(null);
  const [arrivalsError, setArrivalsError] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  let heading!: HTMLHeadingElement;

  const loadArrivals = async () => {
    const r = await deskApi.arrivals();
    if (r.ok) {
      setArrivals(r.value);
      setArrivalsError(null);
    } else setArrivalsError(failureMessage(r.failure));
  };
  let arrivalsTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshArrivalsSoon = () => {
    clearTimeout(arrivalsTimer);
    arrivalsTimer = setTimeout(() => void loadArrivals(), 300);
  };

  // One batch from the board can carry several failures and completions: say them all at once.
  let heard: string[] = [];
  const announce = (text: string) => {
    if (heard.push(text) > 1) return;
    queueMicrotask(() => {
      setAnnouncement(heard.join(" "));
      heard = [];
    });
  };

  const board = openBoard(props.me.propertyId, {
    onChange(s, before) {
      if (!before || before.step !== s.step) refreshArrivalsSoon();
      if (s.pinStatus === "failed" && before?.pinStatus !== "failed") announce(`Door PIN failed for ${s.bookingRef}.`);
      else if (s.step === "completed" && before?.step !== "completed") announce(`${s.bookingRef} checked in.`);
    },
    onRefused() {
      // The socket is refused when the session ended; any API call then sends us to sign-in.
      void deskApi.me().then((r) => {
        if (!r.ok && r.failure.kind === "unauthorized") location.assign("/desk/login");
      });
    },
  });

  onMount(() => {
    document.title = `Live board – ${props.me.propertyName}`;
    heading.focus();
    void loadArrivals();
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    // Arrivals also change without a session (a new booking); a slow poll covers that.
    const poll = setInterval(() => void loadArrivals(), 60_000);
    onCleanup(() => {
      clearInterval(tick);
      clearInterval(poll);
      clearTimeout(arrivalsTimer);
      board.close();
    });
  });

  const all = createMemo(() => Object.values(board.sessions));
  const inProgress = createMemo(() =>
    all()
      .filter((s) => s.step !== "completed" && s.step !== "expired")
      // Failed PINs first: they are the ones that need someone.
      .sort((a, b) => Number(b.pinStatus === "failed") - Number(a.pinStatus === "failed") || a.startedAt - b.startedAt),
  );
  const completed = createMemo(() =>
    all()
      .filter((s) => s.step === "completed")
      .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0)),
  );
  const counts = createMemo(() => {
    const list = arrivals()?.arrivals ?? [];
    return {
      total: list.length,
      checkedIn: list.filter((a) => a.status === "checked-in").length,
      inProgress: list.filter((a) => a.status === "in-progress").length,
    };
  });

  return (
    <div class="board">
      <div class="board__title">
        <h1 ref={heading} tabindex="-1">
          Live board
        </h1>
        <p class="live-status" classList={{ "live-status--on": board.connected() }} data-testid="board-connection">
          <span class="live-status__dot" aria-hidden="true" />
          {board.connected() ? "Live" : "Reconnecting…"}
        </p>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <p class="desk-notice" role="status" data-testid="desk-notice">
        {notice()}
      </p>

      <DoorAlerts
        sessions={all()}
        now={now()}
        timeZone={props.me.timeZone}
        roomOf={(ref) => arrivals()?.arrivals.find((a) => a.bookingRef === ref)?.roomName ?? null}
      />

      <section aria-labelledby="in-progress-title" class="board__section">
        <h2 id="in-progress-title">
          In progress <span class="desk-count">{inProgress().length}</span>
        </h2>
        <Show when={inProgress().length > 0} fallback={<p class="desk-muted">No one is checking in right now.</p>}>
          <DeskTable
            columns={["Booking", "Guest", "Step", "Language", "Device", "Door PIN", "Started", { hidden: "Actions" }]}
            rows={inProgress()}
            testId="in-progress"
          >
            {(s) => <SessionRow session={s} me={props.me} now={now()} />}
          </DeskTable>
        </Show>
      </section>

      <section aria-labelledby="done-title" class="board__section">
        <h2 id="done-title">
          Checked in today <span class="desk-count">{completed().length}</span>
        </h2>
        <Show
          when={completed().length > 0}
          fallback={<p class="desk-muted">No online check-ins completed yet today.</p>}
        >
          <DeskTable
            columns={["Booking", "Guest", "Language", "Device", "Checked in at", "Took", "Door PIN"]}
            rows={completed()}
            testId="checked-in"
          >
            {(s) => (
              <tr data-session={s.sessionId} data-ref={s.bookingRef}>
                <th scope="row">{s.bookingRef}</th>
                <td>{s.guestName ?? "—"}</td>
                <td data-language={s.language ?? ""}>{languageLabel(s.language)}</td>
                <td>{DEVICE_LABEL[s.deviceType]}</td>
                <td>{s.completedAt ? clockTime(s.completedAt, props.me.timeZone) : "—"}</td>
                <td>{s.completedAt ? formatDuration(s.completedAt - s.startedAt) : "—"}</td>
                <td>
                  <RevealPin sessionId={s.sessionId} bookingRef={s.bookingRef} />
                </td>
              </tr>
            )}
          </DeskTable>
        </Show>
      </section>

      <section aria-labelledby="arrivals-title" class="board__section">
        <h2 id="arrivals-title">
          Today's arrivals{" "}
          <Show when={arrivals()}>
            <span class="desk-count">
              {counts().checkedIn} of {counts().total} checked in
            </span>
          </Show>
        </h2>
        <Show when={arrivalsError()}>
          <p class="desk-error" role="alert">
            {arrivalsError()}
          </p>
        </Show>
        <Show when={arrivals()} fallback={<p class="desk-muted">Loading arrivals…</p>}>
          {(a) => (
            <Show when={a().arrivals.length > 0} fallback={<p class="desk-muted">No arrivals today.</p>}>
              <DeskTable
                columns={["Booking", "Room", "Guest", "Status", "Extras"]}
                rows={a().arrivals}
                testId="arrivals"
                caption={<>Reservations arriving on {a().date}</>}
              >
                {(r) => (
                  <tr data-ref={r.bookingRef}>
                    <th scope="row">{r.bookingRef}</th>
                    <td>{r.roomName}</td>
                    <td>{r.guestName ?? "—"}</td>
                    <td>
                      <span class={`badge badge--${r.status}`}>{ARRIVAL_LABEL[r.status]}</span>
                    </td>
                    <td>
                      {[
                        r.earlyCheckInTime && `Early check-in ${r.earlyCheckInTime}`,
                        r.lateCheckoutTime && `Late checkout ${r.lateCheckoutTime}`,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "—"}
                    </td>
                  </tr>
                )}
              </DeskTable>
            </Show>
          )}
        </Show>
      </section>
    </div>
  );
}

function SessionRow(props: { session: BoardSession; me: DeskMe; now: number }) {
  const s = () => props.session;
  return (
    <tr
      data-session={s().sessionId}
      data-ref={s().bookingRef}
      data-step={s().step}
      data-pin={s().pinStatus}
      data-version={s().version}
      classList={{ "row--attention": s().pinStatus === "failed" }}
    >
      <th scope="row">{s().bookingRef}</th>
      <td>{s().guestName ?? <span class="desk-muted">Not given yet</span>}</td>
      <td>{stepText(s().step)}</td>
      <td data-language={s().language ?? ""}>{languageLabel(s().language)}</td>
      <td>{DEVICE_LABEL[s().deviceType]}</td>
      <td>
        <span class={`badge badge--pin-${s().pinStatus}`}>{pinText(s())}</span>
        <Show when={s().pinStatus === "failed" && s().pinError}>
          <span class="desk-muted desk-small"> {s().pinError}</span>
        </Show>
        <Show when={s().locks}>
          {(locks) => (
            <span class="desk-small" data-locks={`${locks().frontDoor ?? "none"} ${locks().room ?? "none"}`}>
              {" "}
              Front door: {lockStateWords(locks().frontDoor)}. Room: {lockStateWords(locks().room)}.
            </span>
          )}
        </Show>
        <Show when={s().stay}>
          {(stay) => (
            <span class="desk-small" data-stay={stay().cancelled ? "cancelled" : stay().codes}>
              {" "}
              {stayChangeText(stay())}
            </span>
          )}
        </Show>
      </td>
      <td>
        <span title={clockTime(s().startedAt, props.me.timeZone)}>{formatDuration(props.now - s().startedAt)} ago</span>
      </td>
      <td>
        <Show when={s().pinStatus === "failed"}>
          <FixPin session={s()} me={props.me} />
        </Show>
      </td>
    </tr>
  );
}

/** A booking changed after check-in: where its door codes are now, in words. */
function stayChangeText(stay: NonNullable<BoardSession["stay"]>): string {
  if (stay.cancelled)
    return stay.codes === "done"
      ? "Booking cancelled; door codes deleted."
      : "Booking cancelled; deleting the door codes.";
  const times = [
    stay.earlyCheckInTime && `from ${stay.earlyCheckInTime}`,
    stay.lateCheckoutTime && `until ${stay.lateCheckoutTime}`,
  ]
    .filter(Boolean)
    .join(" ");
  const where = `Now ${stay.roomName}, ${stay.checkInDate} to ${stay.checkOutDate}${times ? ` (${times})` : ""}.`;
  if (stay.codes === "failed") return `${where} The door codes could not follow: set them on the locks by hand.`;
  return `${where} ${stay.codes === "done" ? "Door codes updated." : "Updating the door codes."}`;
}
