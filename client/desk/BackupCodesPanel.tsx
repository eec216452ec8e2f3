// Backup codes per lock, for a keypad or key box: codes a manager has programmed on the
// lock by hand, given to a guest automatically when their own code fails or the lock is
// offline at arrival, or from the board. Shown masked (last two digits); a code given to
// a guest stays on record.
import { createResource, createSignal, For, Show } from "solid-js";
import { z } from "zod/mini";
import { deskBackupCode, deskBackupCodesResponse } from "../../shared/door-protocol";
import { call, failureMessage } from "./api";
import { isManualLockId } from "../../domain/manual-lock";
import { bookingsApi } from "./bookings-api";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";

const LABELS = { lockId: "Lock", code: "Backup code" };
const PREFIX = "backup";

export function BackupCodesPanel(props: { canEdit: boolean; announce: (message: string) => void }) {
  const [data, { refetch }] = createResource(async () => {
    const [codes, rooms] = await Promise.all([call("/backup-codes", deskBackupCodesResponse), bookingsApi.rooms()]);
    if (!codes.ok) throw new Error(failureMessage(codes.failure));
    if (!rooms.ok) throw new Error(failureMessage(rooms.failure));
    const locks = new Map<string, string>();
    // A manual lock's id is internal; the manager knows it as a key box or keypad.
    const shown = (id: string) => (isManualLockId(id) ? "manual code" : id);
    for (const r of rooms.value.rooms.filter((room) => room.retiredAt === null)) {
      if (!locks.has(r.frontDoorLockId)) locks.set(r.frontDoorLockId, `Front door (${shown(r.frontDoorLockId)})`);
      locks.set(r.roomLockId, `${r.name} (${shown(r.roomLockId)})`);
    }
    return { codes: codes.value.codes, locks };
  });
  const [lockId, setLockId] = createSignal("");
  const [code, setCode] = createSignal("");
  const [errors, setErrors] = createSignal<DeskFieldErrors>({});
  const [attempt, setAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);
  const lockName = (id: string) => data()?.locks.get(id) ?? id;

  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const found: DeskFieldErrors = {};
    if (!lockId()) found.lockId = "Choose the lock the code is programmed on";
    if (!/^\d{4,12}$/.test(code())) found.code = "Enter the code as 4 to 12 digits";
    setErrors(found);
    setAttempt(attempt() + 1);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await call("/backup-codes", deskBackupCode, { method: "POST", body: { lockId: lockId(), code: code() } });
    setBusy(false);
    if (!r.ok) {
      const f = r.failure;
      setErrors(f.kind === "status" && f.fields ? f.fields : { code: failureMessage(f) });
      setAttempt(attempt() + 1);
      return;
    }
    setCode("");
    props.announce(`Backup code ending ${r.value.hint} added for ${lockName(r.value.lockId)}.`);
    void refetch();
  };

  const remove = async (id: string, hint: string) => {
    const r = await call(`/backup-codes/${encodeURIComponent(id)}`, z.null(), { method: "DELETE" });
    props.announce(r.ok ? `Backup code ending ${hint} removed.` : failureMessage(r.failure));
    void refetch();
  };

  return (
    <section class="rooms" aria-labelledby="backup-codes-title" data-testid="backup-codes-panel">
      <h2 id="backup-codes-title">Backup codes</h2>
      <p class="desk-muted">
        Codes already programmed on a keypad or key box. A guest whose code fails, or whose lock is offline when they
        arrive, is given one automatically; staff can also give one from the live board.
      </p>
      <Show when={data.error}>
        <p class="desk-error" role="alert">
          {(data.error as Error).message}
        </p>
      </Show>
      <Show when={data()}>
        {(d) => (
          <>
            <Show when={d().codes.length > 0} fallback={<p class="desk-muted">No backup codes yet.</p>}>
              <div class="table-wrap">
                <table class="desk-table" data-testid="backup-codes-table">
                  <thead>
                    <tr>
                      <th scope="col">Lock</th>
                      <th scope="col">Code</th>
                      <th scope="col">Status</th>
                      <Show when={props.canEdit}>
                        <th scope="col">
                          <span class="visually-hidden">Actions</span>
                        </th>
                      </Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().codes}>
                      {(c) => (
                        <tr>
                          <td>{lockName(c.lockId)}</td>
                          <td>
                            <span aria-hidden="true">•••• </span>
                            <span class="visually-hidden">ending </span>
                            {c.hint}
                          </td>
                          <td>{c.used ? "Given to a guest" : "Ready"}</td>
                          <Show when={props.canEdit}>
                            <td>
                              <Show when={!c.used}>
                                <button
                                  type="button"
                                  class="desk-button desk-button--small desk-button--secondary"
                                  onClick={() => remove(c.id, c.hint)}
                                >
                                  Remove code ending {c.hint}
                                </button>
                              </Show>
                            </td>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <Show when={props.canEdit}>
              <form class="desk-form" onSubmit={add} novalidate aria-labelledby="backup-add-title">
                <h3 id="backup-add-title">Add a backup code</h3>
                <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix={PREFIX} attempt={attempt()} />
                <div class="desk-field">
                  <label for={`${PREFIX}-lockId`}>{LABELS.lockId}</label>
                  <Show when={errors().lockId}>
                    <span class="desk-error" id={`${PREFIX}-lockId-error`}>
                      <span class="visually-hidden">Error: </span>
                      {errors().lockId}
                    </span>
                  </Show>
                  <select
                    id={`${PREFIX}-lockId`}
                    value={lockId()}
                    onChange={(e) => setLockId(e.currentTarget.value)}
                    aria-describedby={errors().lockId ? `${PREFIX}-lockId-error` : undefined}
                    aria-invalid={errors().lockId ? "true" : undefined}
                  >
                    <option value="">Choose a lock</option>
                    <For each={[...d().locks]}>{([id, name]) => <option value={id}>{name}</option>}</For>
                  </select>
                </div>
                <DeskInput
                  idPrefix={PREFIX}
                  field="code"
                  label={LABELS.code}
                  hint="The digits as typed on the keypad. Staff only ever see the last two again."
                  value={code()}
                  error={errors().code}
                  autocomplete="off"
                  onInput={(v) => setCode(v.replace(/\D/g, ""))}
                />
                <button class="desk-button" type="submit" disabled={busy()}>
                  Add backup code
                </button>
              </form>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
