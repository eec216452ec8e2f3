// Funnel analytics for a date range (default: the last 30 days, as the server picks).
// The range lives in the URL query, so a view can be bookmarked or shared.
import { createResource, createSignal, For, onMount, Show } from "solid-js";
import type { DeskMe } from "../../shared/protocol/desk-http";
import { here, navigate } from "../router";
import { csvUrl, deskApi, failureMessage } from "./api";
import { DailyChart, DeviceBars, FunnelChart } from "./charts";
import { DEVICE_LABEL, formatCount, formatRate, formatSpan, languageLabel } from "./format";

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
                <table class="desk-table">
                  <thead>
                    <tr>
                      <th scope="col">Step</th>
                      <th scope="col">Reached</th>
                      <th scope="col">From previous</th>
                      <th scope="col">From start</th>
                      <th scope="col">Lost</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().funnel}>
                      {(s) => (
                        <tr>
                          <th scope="row">{s.label}</th>
                          <td>{formatCount(s.reached)}</td>
                          <td>{formatRate(s.conversionFromPrevious)}</td>
                          <td>{formatRate(s.conversionFromStart)}</td>
                          <td>{formatCount(s.lost)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
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
                <table class="desk-table">
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Started</th>
                      <th scope="col">Checked in</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={r().daily}>
                      {(d) => (
                        <tr>
                          <th scope="row">{d.date}</th>
                          <td>{formatCount(d.started)}</td>
                          <td>{formatCount(d.completed)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </details>
            </section>

            <section class="chart-card" aria-labelledby="device-title">
              <h2 id="device-title">By device</h2>
              <DeviceBars report={r()} />
              <table class="desk-table">
                <thead>
                  <tr>
                    <th scope="col">Device</th>
                    <th scope="col">Started</th>
                    <th scope="col">Reached details</th>
                    <th scope="col">Reached parking</th>
                    <th scope="col">Reached confirm</th>
                    <th scope="col">Checked in</th>
                    <th scope="col">Completion</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().devices}>
                    {(d) => (
                      <tr data-device={d.deviceType}>
                        <th scope="row">{DEVICE_LABEL[d.deviceType]}</th>
                        <td>{formatCount(d.started)}</td>
                        <td>{formatCount(d.step2)}</td>
                        <td>{formatCount(d.step3)}</td>
                        <td>{formatCount(d.step4)}</td>
                        <td>{formatCount(d.completed)}</td>
                        <td>{formatRate(d.completionRate)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
            <section class="chart-card" aria-labelledby="language-title">
              <h2 id="language-title">By guest language</h2>
              <table class="desk-table" data-testid="by-language">
                <thead>
                  <tr>
                    <th scope="col">Language</th>
                    <th scope="col">Started</th>
                    <th scope="col">Reached details</th>
                    <th scope="col">Reached parking</th>
                    <th scope="col">Reached confirm</th>
                    <th scope="col">Checked in</th>
                    <th scope="col">Completion</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().languages ?? []}>
                    {(l) => (
                      <tr data-language={l.language ?? ""}>
                        <th scope="row">{languageLabel(l.language)}</th>
                        <td>{formatCount(l.started)}</td>
                        <td>{formatCount(l.step2)}</td>
                        <td>{formatCount(l.step3)}</td>
                        <td>{formatCount(l.step4)}</td>
                        <td>{formatCount(l.completed)}</td>
                        <td>{formatRate(l.completionRate)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </section>
          </div>
        )}
      </Show>
    </div>
  );
}
