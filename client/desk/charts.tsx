// Two charts drawn as inline SVG, no chart library: the funnel (one bar per step,
// width = sessions that reached it) and the daily series (started vs checked in).
// Each chart is an image with a text alternative; the exact numbers are also in a
// table beside it for screen readers and for anyone who wants to read them.
import { For, Show } from "solid-js";
import type { DeskAnalyticsResponse } from "../../shared/protocol/desk-http";
import { formatCount, formatRate } from "./format";

type Report = DeskAnalyticsResponse;

export function FunnelChart(props: { report: Report }) {
  const W = 640;
  const LABEL = 150;
  const BAR_H = 32;
  // Room above each bar for the drop-off note of the step that loses the most.
  const GAP = 24;
  const height = () => props.report.funnel.length * (BAR_H + GAP) + 8;
  const max = () => Math.max(1, props.report.funnel[0]?.reached ?? 0);
  const barWidth = (n: number) => Math.max(n > 0 ? 2 : 0, ((W - LABEL - 120) * n) / max());
  const worst = () => props.report.biggestDropOff;
  const summary = () =>
    props.report.funnel
      .map((s) => `${s.label}: ${formatCount(s.reached)} (${formatRate(s.conversionFromStart)})`)
      .join("; ") +
    (worst()
      ? `. Biggest drop-off: ${worst()!.fromLabel} to ${worst()!.toLabel}, ${formatCount(worst()!.lost)} sessions.`
      : "");
  return (
    <svg
      class="chart chart--funnel"
      viewBox={`0 0 ${W} ${height()}`}
      role="img"
      aria-label={`Check-in funnel. ${summary()}`}
      data-testid="funnel-chart"
    >
      <For each={props.report.funnel}>
        {(stage, i) => {
          const y = () => GAP + i() * (BAR_H + GAP);
          const isWorst = () => stage.key === worst()?.to;
          return (
            <g classList={{ "funnel-stage": true, "funnel-stage--worst": isWorst() }}>
              <Show when={isWorst()}>
                <text x={LABEL} y={y() - 7} class="chart__note">
                  ▼ {formatCount(stage.lost)} lost here ({formatRate(worst()!.rate)}): the biggest drop-off
                </text>
              </Show>
              <text
                x={LABEL - 10}
                y={y() + BAR_H / 2}
                text-anchor="end"
                dominant-baseline="middle"
                class="chart__label"
              >
                {stage.label}
              </text>
              <rect x={LABEL} y={y()} width={barWidth(stage.reached)} height={BAR_H} rx="3" class="funnel-bar" />
              <text
                x={LABEL + barWidth(stage.reached) + 8}
                y={y() + BAR_H / 2}
                dominant-baseline="middle"
                class="chart__value"
              >
                {formatCount(stage.reached)} · {formatRate(stage.conversionFromStart)}
              </text>
            </g>
          );
        }}
      </For>
    </svg>
  );
}

/** Round numbers for the y axis: 1, 2 or 5 times a power of ten. */
function niceStep(max: number, ticks = 4): number {
  const raw = Math.max(1, max) / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return Math.max(1, (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow);
}

export function DailyChart(props: { report: Report }) {
  const W = 720;
  const H = 260;
  const PAD = { left: 48, right: 12, top: 12, bottom: 36 };
  const days = () => props.report.daily;
  const step = () => niceStep(Math.max(...days().map((d) => d.started), 1));
  const top = () => Math.max(step(), Math.ceil(Math.max(...days().map((d) => d.started), 1) / step()) * step());
  const ticks = () => Array.from({ length: Math.round(top() / step()) + 1 }, (_, i) => i * step());
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = () => plotW / Math.max(1, days().length);
  const barW = () => Math.max(1, slot() * 0.7);
  const y = (v: number) => PAD.top + plotH - (plotH * v) / top();
  const x = (i: number) => PAD.left + i * slot() + (slot() - barW()) / 2;
  // Label about eight days whatever the range, always including the last.
  const labelEvery = () => Math.max(1, Math.ceil(days().length / 8));
  const showLabel = (i: number) => (days().length - 1 - i) % labelEvery() === 0;
  const total = () => days().reduce((n, d) => n + d.completed, 0);
  return (
    <svg
      class="chart chart--daily"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Sessions started and check-ins completed per day, ${days()[0]?.date ?? ""} to ${days().at(-1)?.date ?? ""}: ${formatCount(total())} check-ins in total.`}
      data-testid="daily-chart"
    >
      <For each={ticks()}>
        {(t) => (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="chart__grid" />
            <text x={PAD.left - 6} y={y(t)} text-anchor="end" dominant-baseline="middle" class="chart__axis">
              {formatCount(t)}
            </text>
          </g>
        )}
      </For>
      <For each={days()}>
        {(d, i) => (
          <g class="daily-day">
            <title>
              {d.date}: {d.started} started, {d.completed} checked in
            </title>
            <rect
              x={x(i())}
              y={y(d.started)}
              width={barW()}
              height={Math.max(0, y(0) - y(d.started))}
              class="daily-bar daily-bar--started"
            />
            <rect
              x={x(i())}
              y={y(d.completed)}
              width={barW()}
              height={Math.max(0, y(0) - y(d.completed))}
              class="daily-bar daily-bar--completed"
            />
            <Show when={showLabel(i())}>
              <text x={x(i()) + barW() / 2} y={H - PAD.bottom + 16} text-anchor="middle" class="chart__axis">
                {d.date.slice(5)}
              </text>
            </Show>
          </g>
        )}
      </For>
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="chart__baseline" />
    </svg>
  );
}

export function DeviceBars(props: { report: Report }) {
  const max = () => Math.max(1, ...props.report.devices.map((d) => d.started));
  return (
    <ul class="device-bars" data-testid="device-split">
      <For each={props.report.devices}>
        {(d) => (
          <li class="device-bars__row">
            <span class="device-bars__label">
              {d.deviceType === "mobile" ? "Phone" : d.deviceType === "tablet" ? "Tablet" : "Computer"}
            </span>
            <span class="device-bars__track" aria-hidden="true">
              <span class="device-bars__started" style={{ width: `${(100 * d.started) / max()}%` }} />
              <span class="device-bars__completed" style={{ width: `${(100 * d.completed) / max()}%` }} />
            </span>
            <span class="device-bars__value">
              {formatCount(d.completed)} of {formatCount(d.started)} · {formatRate(d.completionRate)}
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}
