// The analytics report as CSV, for spreadsheets: one table with a `section` column so
// the funnel, device split and daily series travel in a single file with the same
// numbers the charts show.
import type { AnalyticsReport } from "./analytics-report";

/** RFC 4180 quoting, plus a leading quote on text a spreadsheet would run as a formula. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const rate = (r: number | null) => (r === null ? null : Math.round(r * 10_000) / 10_000);

export function analyticsCsv(report: AnalyticsReport): string {
  const rows: (string | number | null)[][] = [["section", "key", "label", "value", "rate"]];
  const push = (...cells: (string | number | null)[]) => rows.push(cells);
  push("range", "from", "From", report.from, null);
  push("range", "to", "To", report.to, null);
  push("range", "time_zone", "Time zone", report.timeZone, null);
  push("summary", "sessions_started", "Sessions started", report.sessionsStarted, null);
  push("summary", "completed", "Check-ins completed", report.completed, rate(report.completionRate));
  push("summary", "median_completion_ms", "Median time to complete (ms)", report.medianCompletionMs, null);
  if (report.biggestDropOff) {
    const d = report.biggestDropOff;
    push("summary", "biggest_drop_off", `${d.fromLabel} → ${d.toLabel}`, d.lost, rate(d.rate));
  }
  for (const stage of report.funnel)
    push("funnel", stage.key, stage.label, stage.reached, rate(stage.conversionFromStart));
  for (const d of report.devices) {
    push("device", d.deviceType, "started", d.started, null);
    push("device", d.deviceType, "completed", d.completed, rate(d.completionRate));
  }
  for (const day of report.daily) {
    push("daily", day.date, "started", day.started, null);
    push("daily", day.date, "completed", day.completed, day.started > 0 ? rate(day.completed / day.started) : null);
  }
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
