// Funnel maths over the aggregate counts the analytics SQL returns. Nothing here sees
// individual sessions: the database counts, this turns counts into rates, finds where
// guests give up, and picks the median out of the one or two middle values SQL hands
// back.

export const FUNNEL_STAGES = [
  { key: "lookup", label: "Booking found" },
  { key: "details", label: "Guest details" },
  { key: "parking", label: "Parking" },
  { key: "confirm", label: "Confirm" },
  { key: "completed", label: "Checked in" },
] as const;
export type FunnelStageKey = (typeof FUNNEL_STAGES)[number]["key"];

/** One aggregate row: sessions started, how many got to step 2/3/4 (step_reached >= n), how many completed. */
export interface FunnelCounts {
  started: number;
  step2: number;
  step3: number;
  step4: number;
  completed: number;
}

export interface FunnelStage {
  key: FunnelStageKey;
  label: string;
  reached: number;
  /** Share of the previous stage that got here; null for the first stage or when the previous had none. */
  conversionFromPrevious: number | null;
  /** Share of sessions started that got here; null when nothing started. */
  conversionFromStart: number | null;
  /** Sessions that reached the previous stage but not this one. */
  lost: number;
}

export interface DropOff {
  from: FunnelStageKey;
  to: FunnelStageKey;
  fromLabel: string;
  toLabel: string;
  lost: number;
  /** Share of the `from` stage lost on the way to `to`. */
  rate: number;
}

export interface FunnelSummary {
  started: number;
  completed: number;
  completionRate: number | null;
  stages: FunnelStage[];
  biggestDropOff: DropOff | null;
}

export const EMPTY_COUNTS: FunnelCounts = { started: 0, step2: 0, step3: 0, step4: 0, completed: 0 };

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

export function addCounts(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  return {
    started: a.started + b.started,
    step2: a.step2 + b.step2,
    step3: a.step3 + b.step3,
    step4: a.step4 + b.step4,
    completed: a.completed + b.completed,
  };
}

export function sumCounts(rows: readonly FunnelCounts[]): FunnelCounts {
  return rows.reduce(addCounts, EMPTY_COUNTS);
}

export function funnelStages(c: FunnelCounts): FunnelStage[] {
  const reached = [c.started, c.step2, c.step3, c.step4, c.completed];
  return FUNNEL_STAGES.map((stage, i) => {
    const here = reached[i]!;
    const prev = i === 0 ? null : reached[i - 1]!;
    return {
      key: stage.key,
      label: stage.label,
      reached: here,
      conversionFromPrevious: prev === null ? null : ratio(here, prev),
      conversionFromStart: ratio(here, c.started),
      lost: prev === null ? 0 : Math.max(0, prev - here),
    };
  });
}

/**
 * The step where the most guests gave up, counted in sessions (not as a rate) because
 * that is where fixing things recovers the most check-ins. Ties go to the earlier step.
 * null when nobody was lost anywhere.
 */
export function biggestDropOff(stages: readonly FunnelStage[]): DropOff | null {
  let best: DropOff | null = null;
  for (let i = 1; i < stages.length; i++) {
    const prev = stages[i - 1]!;
    const here = stages[i]!;
    if (here.lost > 0 && (best === null || here.lost > best.lost)) {
      best = {
        from: prev.key,
        to: here.key,
        fromLabel: prev.label,
        toLabel: here.label,
        lost: here.lost,
        rate: prev.reached > 0 ? here.lost / prev.reached : 0,
      };
    }
  }
  return best;
}

export function summarizeFunnel(c: FunnelCounts): FunnelSummary {
  const stages = funnelStages(c);
  return {
    started: c.started,
    completed: c.completed,
    completionRate: ratio(c.completed, c.started),
    stages,
    biggestDropOff: biggestDropOff(stages),
  };
}

/**
 * Which rows of the sorted durations hold the median of `n` values: SQL runs
 * `ORDER BY duration LIMIT limit OFFSET offset` and passes the result to `medianOf`.
 */
export function medianWindow(n: number): { offset: number; limit: 1 | 2 } | null {
  if (!Number.isInteger(n) || n <= 0) return null;
  return n % 2 === 1 ? { offset: (n - 1) / 2, limit: 1 } : { offset: n / 2 - 1, limit: 2 };
}

/** Median from the one (odd n) or two (even n) middle values, rounded to whole milliseconds. */
export function medianOf(middle: readonly number[]): number | null {
  if (middle.length === 0) return null;
  if (middle.length === 1) return middle[0]!;
  return Math.round((middle[0]! + middle[1]!) / 2);
}
