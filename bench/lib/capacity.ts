// The open-loop verdict: at which arrival rates does the check-in still behave like the
// bare runtime? A rate passes when no guest failed, every step's p99 is within
// STEP_P99_LIMIT of the echo journey's p99 at the same rate (sockets against sockets,
// HTTP against HTTP) and every dashboard sees each change within the board limit.
// Capacity is the highest passing rate; a lower rate that failed is reported next to
// it, because then the "capacity" is luck rather than headroom.
import type { Summary } from "./stats";
import { ratio } from "./stats";

export const STEP_P99_LIMIT = 2;
export const DASHBOARD_P99_LIMIT_MS = 50;

export interface StepComparison {
  step: string;
  p99: number;
  echoP99: number;
}

export interface RateOutcome {
  rate: number;
  /** Guests that errored or never finished. */
  failed: number;
  steps: StepComparison[];
  /** Slowest dashboard per change; NaN when no dashboard watched. */
  dashboardsP99: number;
}

export interface RateVerdict {
  rate: number;
  passed: boolean;
  /** Why it did not pass, one phrase per reason; empty when it passed. */
  reasons: string[];
}

export function judgeRate(o: RateOutcome): RateVerdict {
  const reasons: string[] = [];
  if (o.failed > 0) reasons.push(`${o.failed} guests failed`);
  for (const s of o.steps) {
    const x = ratio(s.p99, s.echoP99);
    // No samples, or no baseline, cannot show the step was within its limit.
    if (!Number.isFinite(x)) reasons.push(`${s.step}: no p99 to compare`);
    else if (x > STEP_P99_LIMIT) reasons.push(`${s.step} p99 ${x.toFixed(2)}× echo`);
  }
  if (Number.isNaN(o.dashboardsP99)) reasons.push("no dashboard measurement");
  else if (o.dashboardsP99 > DASHBOARD_P99_LIMIT_MS) reasons.push(`dashboards p99 ${o.dashboardsP99.toFixed(1)} ms`);
  return { rate: o.rate, passed: reasons.length === 0, reasons };
}

export interface Capacity {
  /** Highest passing rate in check-ins/s; null when none passed. */
  rate: number | null;
  /** Rates below `rate` that did not pass. */
  failedBelow: number[];
  verdicts: RateVerdict[];
}

export function capacity(outcomes: readonly RateOutcome[]): Capacity {
  const verdicts = [...outcomes].sort((a, b) => a.rate - b.rate).map(judgeRate);
  const passing = verdicts.filter((v) => v.passed).map((v) => v.rate);
  const rate = passing.length ? Math.max(...passing) : null;
  const failedBelow = rate === null ? [] : verdicts.filter((v) => !v.passed && v.rate < rate).map((v) => v.rate);
  return { rate, failedBelow, verdicts };
}

/** The p99 pairs a rate is judged on, from the step summaries and the echo journey's. */
export function stepComparisons(
  steps: Record<string, Summary>,
  echo: { http: Summary; connect: Summary; roundTrip: Summary },
): StepComparison[] {
  const against: Record<string, Summary> = {
    lookup: echo.http,
    connect: echo.connect,
    details: echo.roundTrip,
    parking: echo.roundTrip,
    confirm: echo.roundTrip,
    stayToken: echo.roundTrip,
    stay: echo.http,
  };
  return Object.entries(against).map(([step, e]) => ({ step, p99: steps[step]?.p99 ?? NaN, echoP99: e.p99 }));
}
