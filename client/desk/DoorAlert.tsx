// Door alerts on the live board: a guest who tapped "Code not working?", a code still
// not confirmed on its lock some minutes after arrival, a lock that needed a backup code
// when none was left. Each shows the booking, room, lock states and the last lock events,
// with buttons to give the guest backup codes or a brand-new code. A new alert plays a short tone (staff can
// mute it; the choice is kept on this device) and is announced to screen readers.
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { unconfirmedSides } from "../../domain/backup-codes";
import type { BoardSession } from "../../domain/board";
import { lockStateWords, type LockSide } from "../../domain/lock-code-tracking";
import { deskIssueBackupResponse, deskNewCodeResponse } from "../../shared/door-protocol";
import { call, failureMessage } from "./api";
import { clockTime } from "./format";
import { notify } from "./notice";

const MUTE_KEY = "frontdoor.desk.doorAlertMuted";
const SIDE_LABEL: Record<LockSide, string> = { frontDoor: "Front door", room: "Room door" };

interface DoorAlertItem {
  session: BoardSession;
  /** What is wrong, in plain words, most urgent first. */
  reasons: string[];
  /** Changes when something new is wrong: a new tone and announcement. */
  key: string;
}

export function doorAlerts(sessions: readonly BoardSession[], now: number): DoorAlertItem[] {
  const items: DoorAlertItem[] = [];
  for (const s of sessions) {
    const door = s.door;
    if (!door) continue;
    const reasons: string[] = [];
    const keys: string[] = [];
    if (door.trouble) {
      reasons.push(`Guest says the code is not working (${door.trouble.reports}×)`);
      keys.push(`t${door.trouble.reportedAt}`);
    }
    const locks = { frontDoor: s.locks?.frontDoor ?? null, room: s.locks?.room ?? null };
    const late = unconfirmedSides(locks, door.backups, door.confirmBy, now);
    if (late.length > 0) {
      reasons.push(`Not confirmed on the lock since arrival: ${late.map((l) => SIDE_LABEL[l]).join(", ")}`);
      keys.push(`u${late.join("+")}`);
    }
    if (door.noBackup.length > 0) {
      reasons.push(`No backup code left for: ${door.noBackup.map((l) => SIDE_LABEL[l]).join(", ")}`);
      keys.push(`n${door.noBackup.join("+")}`);
    }
    if (reasons.length > 0) items.push({ session: s, reasons, key: `${s.sessionId}:${keys.join(",")}` });
  }
  return items.sort((a, b) => Number(!!b.session.door?.trouble) - Number(!!a.session.door?.trouble));
}

/** A short two-note chime; silent where the browser has no audio or has not been interacted with. */
function chime() {
  try {
    const Ctx = window.AudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    for (const [i, freq] of [880, 660].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.18 + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.18);
      osc.stop(ctx.currentTime + i * 0.18 + 0.17);
    }
    setTimeout(() => void ctx.close(), 600);
  } catch {
    // No sound is better than a broken board.
  }
}

export function DoorAlerts(props: {
  sessions: readonly BoardSession[];
  now: number;
  timeZone: string;
  roomOf: (bookingRef: string) => string | null;
}) {
  const [muted, setMuted] = createSignal(localStorage.getItem(MUTE_KEY) === "1");
  const [said, setSaid] = createSignal("");
  const alerts = createMemo(() => doorAlerts(props.sessions, props.now));
  const seen = new Set<string>();
  let first = true;

  createEffect(
    on(alerts, (list) => {
      const fresh = list.filter((a) => !seen.has(a.key));
      for (const a of list) seen.add(a.key);
      // Alerts already there when the board opened are shown, not sounded.
      if (first) {
        first = false;
        if (fresh.length === 0) return;
      }
      if (fresh.length === 0) return;
      setSaid(fresh.map((a) => `Door alert for ${a.session.bookingRef}: ${a.reasons[0]}.`).join(" "));
      if (!muted()) chime();
    }),
  );

  const toggleMute = () => {
    const next = !muted();
    setMuted(next);
    localStorage.setItem(MUTE_KEY, next ? "1" : "0");
  };

  return (
    <section aria-labelledby="door-alerts-title" class="board__section door-alerts" data-testid="door-alerts">
      <div class="door-alerts__head">
        <h2 id="door-alerts-title">
          Door alerts <span class="desk-count">{alerts().length}</span>
        </h2>
        <button
          type="button"
          class="desk-button desk-button--small desk-button--secondary"
          aria-pressed={muted()}
          onClick={toggleMute}
        >
          {muted() ? "Alert sound off" : "Alert sound on"}
        </button>
      </div>
      <p class="visually-hidden" role="status" aria-live="assertive" data-testid="door-alert-announcer">
        {said()}
      </p>
      <Show when={alerts().length > 0} fallback={<p class="desk-muted">No door problems.</p>}>
        <ul class="door-alerts__list">
          <For each={alerts()}>
            {(a) => <DoorAlertCard alert={a} timeZone={props.timeZone} room={props.roomOf(a.session.bookingRef)} />}
          </For>
        </ul>
      </Show>
    </section>
  );
}

function DoorAlertCard(props: { alert: DoorAlertItem; timeZone: string; room: string | null }) {
  const s = () => props.alert.session;
  const door = () => s().door!;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const titleId = () => `door-alert-${s().sessionId}`;

  const issue = async () => {
    setBusy(true);
    setError(null);
    const r = await call(`/sessions/${encodeURIComponent(s().sessionId)}/backup-code`, deskIssueBackupResponse, {
      method: "POST",
    });
    setBusy(false);
    if (!r.ok) return setError(failureMessage(r.failure));
    const given = r.value.given.map((l) => SIDE_LABEL[l]).join(" and ");
    const missing = r.value.missing.map((l) => SIDE_LABEL[l]).join(" and ");
    notify(
      [
        given && `Backup code sent to the guest of ${s().bookingRef} for ${given}.`,
        missing && `No backup code left for ${missing}: add codes on the Property page.`,
      ]
        .filter(Boolean)
        .join(" "),
    );
  };

  // The old code leaves the locks and a new one is made; the guest's page shows it as it goes.
  const issueNewCode = async () => {
    setBusy(true);
    setError(null);
    const r = await call(`/sessions/${encodeURIComponent(s().sessionId)}/new-code`, deskNewCodeResponse, {
      method: "POST",
    });
    setBusy(false);
    if (!r.ok) return setError(failureMessage(r.failure));
    notify(`New door code issued to the guest of ${s().bookingRef}; it is on its way to the locks.`);
  };

  return (
    <li class="door-alert" aria-labelledby={titleId()} data-session={s().sessionId} data-ref={s().bookingRef}>
      <h3 class="door-alert__title" id={titleId()}>
        {s().bookingRef}
        <Show when={props.room}> · {props.room}</Show>
        <Show when={s().guestName}> · {s().guestName}</Show>
      </h3>
      <ul class="door-alert__reasons">
        <For each={props.alert.reasons}>{(r) => <li>{r}</li>}</For>
      </ul>
      <p class="desk-small" data-testid="door-alert-locks">
        Front door: {lockStateWords(s().locks?.frontDoor ?? null)}
        {door().backups.frontDoor ? " (backup code given)" : ""}. Room: {lockStateWords(s().locks?.room ?? null)}
        {door().backups.room ? " (backup code given)" : ""}.
      </p>
      <Show when={door().events.length > 0}>
        <details class="door-alert__events">
          <summary>Last lock events</summary>
          <ol>
            <For each={[...door().events].reverse()}>
              {(e) => (
                <li>
                  <time>{clockTime(e.at, props.timeZone)}</time> {e.text}
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
      <button
        type="button"
        class="desk-button desk-button--small"
        disabled={busy()}
        onClick={issue}
        aria-describedby={error() ? `${titleId()}-error` : undefined}
      >
        Give backup codes to {s().bookingRef}
      </button>{" "}
      <button
        type="button"
        class="desk-button desk-button--small desk-button--secondary"
        disabled={busy()}
        onClick={issueNewCode}
        aria-describedby={error() ? `${titleId()}-error` : undefined}
      >
        Issue a new code to {s().bookingRef}
      </button>
      <Show when={error()}>
        <p class="desk-error" id={`${titleId()}-error`} role="alert">
          {error()}
        </p>
      </Show>
    </li>
  );
}
