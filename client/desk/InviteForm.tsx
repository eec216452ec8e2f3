// Invite a colleague: email, name and role. The server checks everything again and
// its per-field reasons (an email already in use) are shown beside the fields.
import { createSignal, For } from "solid-js";
import type { SetPasswordLinkResponse, StaffInviteRequest } from "../../shared/staff-protocol";
import { DeskErrorSummary, DeskInput, type DeskFieldErrors } from "./DeskErrorSummary";
import { createDeskForm } from "./form-state";
import { staffApi } from "./staff-api";

const LABELS: Record<string, string> = { email: "Email", displayName: "Name", role: "Role" };
const ROLES = [
  ["staff", "Staff", "Runs the board and bookings"],
  ["manager", "Manager", "Also manages staff and the property"],
] as const;

export function InviteForm(props: { onInvited: (answer: SetPasswordLinkResponse) => void; onCancel: () => void }) {
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [role, setRole] = createSignal<StaffInviteRequest["role"]>("staff");
  const { errors, attempt, busy, check, send } = createDeskForm({ generalErrors: "summary" });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const missing: DeskFieldErrors = {};
    if (!email().trim()) missing.email = "Enter their email address";
    if (!name().trim()) missing.displayName = "Enter their name";
    if (!check(missing)) return;
    const invited = await send(() => staffApi.invite({ email: email(), displayName: name(), role: role() }));
    if (invited) props.onInvited(invited.value);
  };

  return (
    <form id="invite-form" class="desk-form staff-form" onSubmit={submit} novalidate aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a colleague</h2>
      <DeskErrorSummary errors={errors()} labels={LABELS} idPrefix="invite" attempt={attempt()} />
      <DeskInput
        idPrefix="invite"
        field="email"
        label="Email"
        type="email"
        value={email()}
        error={errors().email}
        onInput={setEmail}
      />
      <DeskInput
        idPrefix="invite"
        field="displayName"
        label="Name"
        value={name()}
        error={errors().displayName}
        onInput={setName}
      />
      <fieldset class="staff-form__roles" id="invite-role">
        <legend>Role</legend>
        <For each={ROLES}>
          {([value, label, hint]) => (
            <label class="desk-radio">
              <input
                type="radio"
                name="role"
                value={value}
                checked={role() === value}
                onChange={() => setRole(value)}
              />
              {label}
              <span class="desk-muted desk-small">({hint})</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="booking-form__buttons">
        <button class="desk-button" type="submit" disabled={busy()}>
          Invite
        </button>
        <button class="desk-button desk-button--secondary" type="button" onClick={props.onCancel}>
          Close without inviting
        </button>
      </div>
    </form>
  );
}
