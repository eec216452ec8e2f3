// The property's failed sign-ins of the past week, so a manager notices someone guessing.
import { createResource, Show } from "solid-js";
import { failureMessage } from "./api";
import { staffApi } from "./staff-api";
import { DeskTable } from "./DeskTable";

const when = (at: number) => new Date(at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function SignInFailures() {
  const [failures] = createResource(async () => {
    const result = await staffApi.signInFailures();
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value.failures;
  });
  return (
    <section aria-labelledby="failures-title">
      <h2 id="failures-title">Failed sign-ins, past 7 days</h2>
      <Show when={failures.error}>
        <p class="desk-error" role="alert">
          {(failures.error as Error).message}
        </p>
      </Show>
      <Show when={failures.latest}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>None.</p>}>
            {/* Focusable so keyboard users can scroll it sideways on a narrow screen; it holds no controls. */}
            <DeskTable
              columns={["When", "Account", "Detail"]}
              rows={list()}
              testId="sign-in-failures"
              labelledBy="failures-title"
            >
              {(f) => (
                <tr>
                  <td>{when(f.at)}</td>
                  <td>
                    {f.displayName} <span class="desk-muted desk-small">{f.email}</span>
                  </td>
                  <td>{f.detail ?? "Wrong password"}</td>
                </tr>
              )}
            </DeskTable>
          </Show>
        )}
      </Show>
    </section>
  );
}
