// Funnel analytics for a date range (default: the last 30 days, as the server picks).
// The range lives in the URL query, so a view can be bookmarked or shared.
import { createResource, createSignal, onMount, Show } from "solid-js";
import type { DeskAnalyticsResponse, DeskMe } from "../../shared/protocol/desk-http";
import { here, navigate } from "../router";
import { csvUrl, deskApi, failureMessage } from "./api";
import { DailyChart, DeviceBars, FunnelChart } from "./charts";
import { DEVICE_LABEL, formatCount, formatRate, formatSpan, languageLabel } from "./format";
import { DeskTable } from "./DeskTable";

/** What a breakdown row counts, whatever it groups by. */
type FunnelCounts = Omit<DeskAnalyticsResponse["devices"][number], "deviceType">;

export default function AnalyticsPage(props: { me: DeskMe }) {
  let heading!: HTMLHeadingElement;
  const range = () => ({ from: here().query.get("from") ?? undefined, to: here().query.get("to") ?? undefined });
  const [report] = createResource(range, async (r) => {
    const result = await deskApi.analytics(r);
    if (!result.ok) throw new Error(failureMessage(result.failure));
    return result.value;
  });
  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal("");

  onMount(() => {
    document.title = `Analytics – ${props.me.propertyName}`;
    heading.focus();
  });

  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    const f = from() || report()?.from;
    const t = to() || report()?.to;
    if (f) q.set("from", f);
    if (t) q.set("to", t);
    navigate(`/desk/analytics?${q}`);
  };

  return (
    <div class="analytics">
      <h1 ref={heading} tabindex="-1">
        Check-in analytics
      </h1>
      <form class="range-form" onSubmit={apply} aria-label="Date range">
        <div class="desk-field desk-field--inline">
          <label for="range-from">From</label>
          <input
            id="range-from"
            type="date"
            value={from() || report.latest?.from || ""}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </div>
        <div class="desk-field desk-field--inline">
          <label for="range-to">To</label>
          <input
            id="range-to"
            type="date"
            value={to() || report.latest?.to || ""}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="desk-button">
          Show
        </button>
        <Show when={report.latest}>
          {(r) => (
            <a
              class="desk-button desk-button--secondary"
              href={csvUrl({ from: r().from, to: r().to })}
              download=""
              data-testid="csv-link"
            >
              Download CSV
            </a>
          )}
        </Show>
      </form>

      <Show when={report.error}>
        <p class="desk-error" role="alert">
          {(report.error as Error).message}
        </p>
      </Show>
      <Show when={report.loading && !report.latest}>
        <p class="desk-muted" role="status">
          Loading…
        </p>
      </Show>

      <Show when={report.latest}>
        {(r) => (
          <div aria-busy={report.loading ? "true" : undefined}>
            <p class="desk-muted">
              {r().from} to {r().to}, days in {r().timeZone}
            </p>
            <dl class="kpis" data-testid="kpis">
              <div class="kpi">
                <dt>Sessions started</dt>
                <dd data-kpi="started">{formatCount(r().sessionsStarted)}</dd>
              </div>
              <div class="kpi">
                <dt>Checked in</dt>
                <dd data-kpi="completed">{formatCount(r().completed)}</dd>
              </div>
              <div class="kpi">
                <dt>Completion rate</dt>
                <dd data-kpi="rate">{formatRate(r().completionRate)}</dd>
              </div>
              <div class="kpi">
                <dt>Door trouble reported</dt>
                <dd data-kpi="door-trouble">{formatCount(r().doorTrouble ?? 0)}</dd>
              </div>
              <div class="kpi">
                <dt>Median time to check in</dt>
                <dd data-kpi="median">{formatSpan(r().medianCompletionMs)}</dd>
              </div>
              <div class="kpi">
                <dt>Biggest drop-off</dt>
                <dd data-kpi="drop-off">
                  {r().biggestDropOff
                    ? `${r().biggestDropOff!.fromLabel} → ${r().biggestDropOff!.toLabel}: ${formatCount(r().biggestDropOff!.lost)} (${formatRate(r().biggestDropOff!.rate)})`
                    : "—"}
                </dd>
              </div>
            </dl>

            <section class="chart-card" aria-labelledby="funnel-title">
              <h2 id="funnel-title">Funnel</h2>
              <FunnelChart report={r()} />
              <details>
                <summary>Funnel as a table</summary>
                <DeskTable columns={["Step", "Reached", "From previous", "From start", "Lost"]} rows={r().funnel} bare>
                  {(s) => (
                    <tr>
                      <th scope="row">{s.label}</th>
                      <td>{formatCount(s.reached)}</td>
                      <td>{formatRate(s.conversionFromPrevious)}</td>
                      <td>{formatRate(s.conversionFromStart)}</td>
                      <td>{formatCount(s.lost)}</td>
                    </tr>
                  )}
                </DeskTable>
              </details>
            </section>

            <section class="chart-card" aria-labelledby="daily-title">
              <h2 id="daily-title">Check-ins per day</h2>
              <p class="legend">
                <span class="legend__swatch legend__swatch--started" aria-hidden="true" /> Started
                <span class="legend__swatch legend__swatch--completed" aria-hidden="true" /> Checked in
              </p>
              <DailyChart report={r()} />
              <details>
                <summary>Daily numbers as a table</summary>
                <DeskTable columns={["Date", "Started", "Checked in"]} rows={r().daily} bare>
                  {(d) => (
                    <tr>
                      <th scope="row">{d.date}</th>
                      <td>{formatCount(d.started)}</td>
                      <td>{formatCount(d.completed)}</td>
                    </tr>
                  )}
                </DeskTable>
              </details>
            </section>

            <section class="chart-card" aria-labelledby="device-title">
              <h2 id="device-title">By device</h2>
              <DeviceBars report={r()} />
              <BreakdownTable
                by="Device"
                rows={r().devices}
                label={(d) => DEVICE_LABEL[d.deviceType]}
                attrs={(d) => ({ "data-device": d.deviceType })}
              />
            </section>
            <section class="chart-card" aria-labelledby="language-title">
              <h2 id="language-title">By guest language</h2>
              <BreakdownTable
                by="Language"
                rows={r().languages ?? []}
                label={(l) => languageLabel(l.language)}
                attrs={(l) => ({ "data-language": l.language ?? "" })}
                testId="by-language"
              />
            </section>
          </div>
        )}
      </Show>
    </div>
  );
}

/** The funnel's counts for one breakdown (device, language): one row per group. */
function BreakdownTable<T extends FunnelCounts>(props: {
  by: string;
  rows: readonly T[];
  label: (row: T) => string;
  attrs: (row: T) => Record<string, string>;
  testId?: string;
}) {
  return (
    <DeskTable
      columns={[
        props.by,
        "Started",
        "Reached details",
        "Reached parking",
        "Reached confirm",
        "Checked in",
        "Completion",
      ]}
      rows={props.rows}
      testId={props.testId}
      bare
    >
      {(row) => (
        <tr {...props.attrs(row)}>
          <th scope="row">{props.label(row)}</th>
          <td>{formatCount(row.started)}</td>
          <td>{formatCount(row.step2)}</td>
          <td>{formatCount(row.step3)}</td>
          <td>{formatCount(row.step4)}</td>
          <td>{formatCount(row.completed)}</td>
          <td>{formatRate(row.completionRate)}</td>
        </tr>
      )}
    </DeskTable>
  );
}
