// CSV import: choose a file and how it writes dates, see what it would do (new,
// changed, unchanged, and every invalid row with its line and reason), then import
// it all at once. The server parses the file for both steps; nothing is kept between.
import { createSignal, For, Show } from "solid-js";
import type { DeskImportResult } from "../../shared/bookings-protocol";
import { failureMessage } from "./api";
import { bookingsApi, TEMPLATE_URL } from "./bookings-api";
import { formatCount } from "./format";
import { DeskTable } from "./DeskTable";

const MAX_BYTES = 5 * 1024 * 1024;

export function ImportPanel(props: { onImported: (message: string) => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [dateOrder, setDateOrder] = createSignal("iso");
  const [preview, setPreview] = createSignal<DeskImportResult | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let errorBox: HTMLParagraphElement | undefined;
  let resultHeading: HTMLHeadingElement | undefined;

  const fail = (message: string) => {
    setError(message);
    queueMicrotask(() => errorBox?.focus());
  };

  const read = async (): Promise<string | null> => {
    const f = file();
    if (!f) {
      fail("Choose a CSV file to import");
      return null;
    }
    if (f.size > MAX_BYTES) {
      fail("The file is over 5 MB. Split it and import the parts one after the other.");
      return null;
    }
    // TextDecoder (behind File.text) reads UTF-8 and drops a byte-order mark.
    return f.text();
  };

  const runPreview = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    setPreview(null);
    const text = await read();
    if (text === null) return;
    setBusy(true);
    const result = await bookingsApi.preview(text, dateOrder());
    setBusy(false);
    if (!result.ok) return fail(failureMessage(result.failure));
    setPreview(result.value);
    queueMicrotask(() => resultHeading?.focus());
  };

  const runCommit = async () => {
    const text = await read();
    if (text === null) return;
    setBusy(true);
    const result = await bookingsApi.commit(text, dateOrder());
    setBusy(false);
    if (!result.ok) return fail(`${failureMessage(result.failure)} Preview the file again to see why.`);
    const c = result.value.counts;
    setPreview(null);
    setFile(null);
    props.onImported(
      `Imported: ${formatCount(c.new)} new, ${formatCount(c.changed)} changed, ${formatCount(c.unchanged)} unchanged.`,
    );
  };

  const canCommit = () => {
    const p = preview();
    return p !== null && p.problems.length === 0 && p.counts.invalid === 0 && p.counts.new + p.counts.changed > 0;
  };

  return (
    <section class="import-panel" aria-labelledby="import-title">
      <h2 id="import-title">Import bookings from a CSV file</h2>
      <p class="desk-small">
        Export from your PMS or channel manager: one row per booking with a reference, room, arrival and departure. Up
        to 20,000 rows or 5 MB; comma or semicolon separated.{" "}
        <a href={TEMPLATE_URL} download="">
          Download the template
        </a>
        .
      </p>
      <Show when={error()}>
        <p class="desk-alert" role="alert" tabindex="-1" ref={errorBox}>
          {error()}
        </p>
      </Show>
      <form class="desk-form" onSubmit={runPreview} novalidate>
        <div class="desk-field">
          <label for="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setPreview(null);
            }}
          />
        </div>
        <fieldset class="desk-field">
          <legend>How does the file write dates?</legend>
          <For
            each={[
              ["iso", "2026-07-31 (year first)"],
              ["day-first", "31/07/2026 (day first)"],
              ["month-first", "07/31/2026 (month first)"],
            ]}
          >
            {([value, label]) => (
              <label class="desk-radio">
                <input
                  type="radio"
                  name="dateOrder"
                  value={value}
                  checked={dateOrder() === value}
                  onChange={() => setDateOrder(value!)}
                />{" "}
                {label}
              </label>
            )}
          </For>
        </fieldset>
        <button class="desk-button" type="submit" disabled={busy()}>
          Preview import
        </button>
      </form>

      <Show when={preview()}>
        {(p) => (
          <div class="import-preview" data-testid="import-preview">
            <h3 ref={resultHeading} tabindex="-1">
              What this file would do
            </h3>
            <Show when={p().problems.length > 0}>
              <div class="desk-alert" role="alert">
                <p>This file can't be imported:</p>
                <ul>
                  <For each={p().problems}>{(problem) => <li>{problem}</li>}</For>
                </ul>
              </div>
            </Show>
            <dl class="kpis">
              <div class="kpi">
                <dt>New</dt>
                <dd data-count="new">{formatCount(p().counts.new)}</dd>
              </div>
              <div class="kpi">
                <dt>Changed</dt>
                <dd data-count="changed">{formatCount(p().counts.changed)}</dd>
              </div>
              <div class="kpi">
                <dt>Unchanged</dt>
                <dd data-count="unchanged">{formatCount(p().counts.unchanged)}</dd>
              </div>
              <div class="kpi">
                <dt>Invalid</dt>
                <dd data-count="invalid">{formatCount(p().counts.invalid)}</dd>
              </div>
            </dl>
            <Show when={p().ignoredColumns.length > 0}>
              <p class="desk-small">Columns not used: {p().ignoredColumns.join(", ")}.</p>
            </Show>
            <Show when={p().invalid.length > 0}>
              <p>Fix these rows in the file and preview it again. Nothing is imported until every row is valid.</p>
              <DeskTable
                columns={["Line", "Reference", "Reason"]}
                rows={p().invalid}
                testId="invalid-rows"
                caption="Invalid rows"
              >
                {(row) => (
                  <tr>
                    <td>{row.line}</td>
                    <td>{row.bookingRef ?? "—"}</td>
                    <td>{row.reason}</td>
                  </tr>
                )}
              </DeskTable>
            </Show>
            <Show when={canCommit()}>
              <button class="desk-button" type="button" onClick={runCommit} disabled={busy()}>
                Import {formatCount(p().counts.new + p().counts.changed)} bookings
              </button>
            </Show>
            <Show when={p().problems.length === 0 && p().counts.invalid === 0 && !canCommit()}>
              <p>Everything in this file is already here; there is nothing to import.</p>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
