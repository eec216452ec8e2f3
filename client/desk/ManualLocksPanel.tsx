// Manual locks: a key box or a standalone keypad whose code a manager sets by hand. A
// room uses one by choosing "Manual code" for its front door or room lock. Once a stay
// on the lock has ended, the panel asks for a new code until a manager sets one; staff
// only ever see the last two digits.
import { createResource, createSignal, For, Show } from "solid-js";
import { z } from "zod/mini";
import { deskManualLocksResponse, type DeskManualLock } from "../../shared/manual-lock-protocol";
import { call, failureMessage } from "./api";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { FormButtons } from "./FormButtons";

const ADD = "manual-add";
const SET = "manual-set";
const ADD_LABELS = { name: "Lock name", code: "Code" };
const SET_LABELS = { code: "New code" };
const CODE_RULE = /^\d{3,12}$/;
const CODE_HINT = "3 to 12 digits, as typed on the keypad or set on the key box. Staff only see the last two again.";

const when = (ms: number) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(ms));

export function manualLocksResource() {
  return createResource(async () => {
    const r = await call("/manual-locks", deskManualLocksResponse);
    if (!r.ok) throw new Error(failureMessage(r.failure));
    return r.value.locks;
  });
}

export function ManualLocksPanel(props: { canEdit: boolean; announce: (message: string) => void }) {
  const [locks, { refetch }] = manualLocksResource();
  const due = () => (locks() ?? []).filter((l) => l.rotateSince !== null);

  const [name, setName] = createSignal("");
  const [code, setCode] = createSignal("");
  const [addErrors, setAddErrors] = createSignal<DeskFieldErrors>({});
  const [addAttempt, setAddAttempt] = createSignal(0);
  const [busy, setBusy] = createSignal(false);

  const [editing, setEditing] = createSignal<DeskManualLock | null>(null);
  const [newCode, setNewCode] = createSignal("");
  const [setErrors, setSetErrors] = createSignal<DeskFieldErrors>({});
  const [setAttempt, setSetAttempt] = createSignal(0);

  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const found: DeskFieldErrors = {};
    if (!name().trim()) found.name = "Enter a name for the lock";
    if (!CODE_RULE.test(code())) found.code = "Enter the code as 3 to 12 digits";
    setAddErrors(found);
    setAddAttempt(addAttempt() + 1);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await call("/manual-locks", z.object({ id: z.string(), lockId: z.string() }), {
      method: "POST",
      body: { name: name(), code: code() },
    });
    setBusy(false);
    if (!r.ok) {
      const f = r.failure;
      setAddErrors(f.kind === "status" && f.fields ? f.fields : { name: failureMessage(f) });
      setAddAttempt(addAttempt() + 1);
      return;
    }
    props.announce(`Manual lock ${name().trim()} added. Choose it for a room under Rooms.`);
    setName("");
    setCode("");
    void refetch();
  };

  const open = (lock: DeskManualLock) => {
    setEditing(lock);
    setNewCode("");
    setSetErrors({});
    queueMicrotask(() => document.getElementById(`${SET}-code`)?.focus());
  };

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const lock = editing();
    if (!lock) return;
    const found: DeskFieldErrors = CODE_RULE.test(newCode()) ? {} : { code: "Enter the code as 3 to 12 digits" };
    setSetErrors(found);
    setSetAttempt(setAttempt() + 1);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await call(`/manual-locks/${encodeURIComponent(lock.id)}/code`, z.object({ hint: z.string() }), {
      method: "PUT",
      body: { code: newCode() },
    });
    setBusy(false);
    if (!r.ok) {
      const f = r.failure;
      setSetErrors(f.kind === "status" && f.fields ? f.fields : { code: failureMessage(f) });
      setSetAttempt(setAttempt() + 1);
      return;
    }
    setEditing(null);
    props.announce(`New code ending ${r.value.hint} set for ${lock.name}. Guests in their stay now see it.`);
    void refetch();
  };

  return (
    <section class="rooms" aria-labelledby="manual-locks-title" data-testid="manual-locks-panel">
      <h2 id="manual-locks-title">Manual locks (key box or keypad)</h2>
      <p class="desk-muted">
        For a door without a smart lock. Guests see the code on their stay page only from check-in time until checkout.
        After each stay ends, set a new code on the lock and here.
      </p>
      <Show when={locks.error}>
        <p class="desk-error" role="alert">
          {(locks.error as Error).message}
        </p>
      </Show>
      <Show when={due().length > 0}>
        <div class="desk-alert" data-testid="manual-rotate">
          <ul>
            <For each={due()}>
              {(l) => (
                <li>
                  Rotate the code for {l.name}: a stay ended {when(l.rotateSince!)}.
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={locks()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="desk-muted">No manual locks yet.</p>}>
            <div class="table-wrap">
              <table class="desk-table" data-testid="manual-locks-table">
                <thead>
                  <tr>
                    <th scope="col">Lock</th>
                    <th scope="col">Code</th>
                    <th scope="col">Set</th>
                    <Show when={props.canEdit}>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(l) => (
                      <tr>
                        <td>{l.name}</td>
                        <td>
                          <Show when={l.hint} fallback="Not set">
                            <span aria-hidden="true">•••• </span>
                            <span class="visually-hidden">ending </span>
                            {l.hint}
                          </Show>
                        </td>
                        <td>{l.codeSetAt === null ? "" : `${when(l.codeSetAt)} by ${l.codeSetBy ?? "unknown"}`}</td>
                        <Show when={props.canEdit}>
                          <td>
                            <button
                              type="button"
                              class="desk-button desk-button--small desk-button--secondary"
                              onClick={() => open(l)}
                            >
                              Set a new code for {l.name}
                            </button>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
      <Show when={props.canEdit && editing()} keyed>
        {(lock) => (
          <form class="desk-form" onSubmit={save} novalidate aria-labelledby={`${SET}-title`}>
            <h3 id={`${SET}-title`}>New code for {lock.name}</h3>
            <DeskErrorSummary errors={setErrors()} labels={SET_LABELS} idPrefix={SET} attempt={setAttempt()} />
            <DeskInput
              idPrefix={SET}
              field="code"
              label={SET_LABELS.code}
              hint={CODE_HINT}
              value={newCode()}
              error={setErrors().code}
              onInput={(v) => setNewCode(v.replace(/\s/g, ""))}
            />
            <FormButtons busy={busy()} submitLabel="Save new code" onCancel={() => setEditing(null)} />
          </form>
        )}
      </Show>
      <Show when={props.canEdit}>
        <form class="desk-form" onSubmit={add} novalidate aria-labelledby={`${ADD}-title`}>
          <h3 id={`${ADD}-title`}>Add a manual lock</h3>
          <DeskErrorSummary errors={addErrors()} labels={ADD_LABELS} idPrefix={ADD} attempt={addAttempt()} />
          <DeskInput
            idPrefix={ADD}
            field="name"
            label={ADD_LABELS.name}
            hint="For example: Front door keypad, Room 3 key box."
            value={name()}
            error={addErrors().name}
            onInput={setName}
          />
          <DeskInput
            idPrefix={ADD}
            field="code"
            label={ADD_LABELS.code}
            hint={CODE_HINT}
            value={code()}
            error={addErrors().code}
            onInput={(v) => setCode(v.replace(/\s/g, ""))}
          />
          <button class="desk-button" type="submit" disabled={busy()}>
            Add manual lock
          </button>
        </form>
      </Show>
    </section>
  );
}
