// The Property page: the property's settings and its rooms. Every member of staff can
// read it; only managers see the controls, and the server checks the role on each change.
import { createResource, onMount, Show } from "solid-js";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { failureMessage } from "./api";
import { bookingsApi } from "./bookings-api";
import { PropertySettingsForm } from "./PropertySettingsForm";
import { BackupCodesPanel } from "./BackupCodesPanel";
import { ManualLocksPanel } from "./ManualLocksPanel";
import { RoomsPanel } from "./RoomsPanel";
import "./bookings.css";
import "./property.css";

export default function PropertyPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const canEdit = () => props.me.role === "manager";
  const [settings] = createResource(async () => {
    const result = await bookingsApi.property();
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value;
  });
  let notice!: HTMLParagraphElement;

  onMount(() => {
    document.title = `Property – ${props.me.propertyName}`;
    heading.focus();
  });

  // Cleared first so the same words said twice are still read out.
  const announce = (message: string) => {
    notice.textContent = "";
    queueMicrotask(() => {
      notice.textContent = message;
    });
  };

  return (
    <div class="property">
      <h1 ref={heading} tabindex="-1">
        Property and rooms
      </h1>
      <p class="desk-notice" role="status" aria-live="polite" data-testid="property-notice" ref={notice} />
      <Show when={settings.error}>
        <p class="desk-error" role="alert">
          {(settings.error as Error).message}
        </p>
      </Show>
      <Show when={settings()} keyed>
        {(s) => (
          <PropertySettingsForm settings={s} canEdit={canEdit()} onSaved={() => announce("Property settings saved.")} />
        )}
      </Show>
      <RoomsPanel canEdit={canEdit()} announce={announce} />
      <ManualLocksPanel canEdit={canEdit()} announce={announce} />
      <BackupCodesPanel canEdit={canEdit()} announce={announce} />
    </div>
  );
}
