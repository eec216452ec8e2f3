// Managers run their property's staff here: who has an account, inviting a colleague,
// a new set-password link when someone is locked out, deactivating a leaver (after a
// confirm step, since it ends their sessions at once) and the week's failed sign-ins.
import { createResource, createSignal, onMount, Show } from "solid-js";
import type { DeskMe } from "../../shared/protocol/desk-http";
import type { SetPasswordLinkResponse, StaffListEntry } from "../../shared/staff-protocol";
import { failureMessage } from "./api";
import { InviteForm } from "./InviteForm";
import { PasswordLinkPanel } from "./PasswordLinkPanel";
import { SignInFailures } from "./SignInFailures";
import { staffApi } from "./staff-api";
import "./bookings.css";
import "./staff.css";
import { DeskTable } from "./DeskTable";

type ShownLink = { answer: SetPasswordLinkResponse; purpose: "invite" | "reset" };

export default function StaffPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const [staff, { refetch }] = createResource(async () => {
    const result = await staffApi.list();
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value.staff;
  });
  const [inviting, setInviting] = createSignal(false);
  const [link, setLink] = createSignal<ShownLink | null>(null);
  const [confirming, setConfirming] = createSignal<StaffListEntry | null>(null);
  const [notice, setNotice] = createSignal("");

  onMount(() => {
    document.title = `Staff – ${props.me.propertyName}`;
    heading.focus();
  });

  const announce = (message: string) => {
    setNotice("");
    queueMicrotask(() => setNotice(message));
  };

  const reset = async (member: StaffListEntry) => {
    const result = await staffApi.resetPassword(member.staffId);
    if (!result.ok) return announce(failureMessage(result.failure));
    setLink({ answer: result.value, purpose: "reset" });
    announce(`A new set-password link for ${member.displayName} is below.`);
  };

  const deactivate = async (member: StaffListEntry) => {
    const result = await staffApi.deactivate(member.staffId);
    setConfirming(null);
    if (!result.ok) return announce(failureMessage(result.failure));
    announce(`${member.displayName} is deactivated and signed out everywhere.`);
    void refetch();
  };

  return (
    <div class="staff">
      <h1 ref={heading} tabindex="-1">
        Staff
      </h1>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="staff-notice">
        {notice()}
      </p>

      <p>
        <button
          class="desk-button desk-button--secondary"
          type="button"
          aria-expanded={inviting()}
          onClick={() => setInviting(true)}
        >
          Invite a colleague
        </button>
      </p>
      <Show when={inviting()}>
        <InviteForm
          onCancel={() => setInviting(false)}
          onInvited={(answer) => {
            setInviting(false);
            setLink({ answer, purpose: "invite" });
            announce(`${answer.member.displayName} is invited. Their set-password link is below.`);
            void refetch();
          }}
        />
      </Show>
      <Show when={link()} keyed>
        {(l) => <PasswordLinkPanel answer={l.answer} purpose={l.purpose} onClose={() => setLink(null)} />}
      </Show>
      <Show when={confirming()} keyed>
        {(member) => (
          <section class="staff-confirm" role="alertdialog" aria-labelledby="staff-confirm-title">
            <h2 id="staff-confirm-title">Deactivate {member.displayName}?</h2>
            <p>They are signed out at once, on every device, and cannot sign in again.</p>
            <div class="booking-form__buttons">
              <button type="button" class="desk-button desk-button--warning" onClick={() => deactivate(member)}>
                Yes, deactivate {member.displayName}
              </button>
              <button type="button" class="desk-button desk-button--secondary" onClick={() => setConfirming(null)}>
                Keep their account
              </button>
            </div>
          </section>
        )}
      </Show>

      <Show when={staff.error}>
        <p class="desk-error" role="alert">
          {(staff.error as Error).message}
        </p>
      </Show>
      <Show when={staff.latest}>
        {(list) => (
          <section aria-labelledby="staff-list-title">
            <h2 id="staff-list-title">People with a desk account</h2>
            {/* Focusable: on a narrow screen it scrolls sideways, and it may hold no buttons to tab to. */}
            <DeskTable
              columns={["Name", "Email", "Role", "Status", "Actions"]}
              rows={list()}
              testId="staff-table"
              labelledBy="staff-list-title"
            >
              {(member) => (
                <tr data-email={member.email}>
                  <th scope="row">{member.displayName}</th>
                  <td class="staff__email">{member.email}</td>
                  <td>{member.role === "manager" ? "Manager" : "Staff"}</td>
                  <td>{member.active ? "Active" : "Deactivated"}</td>
                  <td class="bookings__actions">
                    <Show when={member.active && member.staffId !== props.me.staffId}>
                      <button
                        type="button"
                        class="desk-button desk-button--small desk-button--secondary"
                        onClick={() => reset(member)}
                      >
                        Reset password<span class="visually-hidden"> for {member.displayName}</span>
                      </button>
                      <button
                        type="button"
                        class="desk-button desk-button--small desk-button--secondary"
                        onClick={() => setConfirming(member)}
                      >
                        Deactivate<span class="visually-hidden"> {member.displayName}</span>
                      </button>
                    </Show>
                  </td>
                </tr>
              )}
            </DeskTable>
          </section>
        )}
      </Show>
      <SignInFailures />
    </div>
  );
}
