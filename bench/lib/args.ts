// Command-line flags of `npm run bench`. Defaults are the issue's: 500 guests, 50
// dashboards; --quick shrinks everything so CI can run it in well under a minute.
export const SCENARIOS = ["guests", "echo", "dashboards", "faults", "growth", "costs"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  guests: number;
  dashboards: number;
  /** Guests of the SIGKILL run in the faults scenario. */
  restartGuests: number;
  growth: number[];
  only: ScenarioName[];
  /** Where <scenario>.json and summary.md go. */
  outDir: string;
  /** Most lookups + socket openings in flight at once: arrivals are ramped, not a SYN storm. */
  openConcurrency: number;
}

const USAGE = `usage: npm run bench -- [--quick] [--guests N] [--dashboards M] [--only ${SCENARIOS.join("|")}[,..]] [--growth 50,200,...] [--out DIR]`;

export function parseArgs(argv: string[], defaultOutDir: string): BenchOptions {
  const quick = argv.includes("--quick");
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value\n${USAGE}`);
    return v;
  };
  const int = (name: string, fallback: number) => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${v}\n${USAGE}`);
    return n;
  };
  const known = new Set(["--quick", "--guests", "--dashboards", "--only", "--growth", "--out", "--restart-guests", "--open-concurrency"]);
  for (const a of argv) if (a.startsWith("--") && !known.has(a)) throw new Error(`unknown flag ${a}\n${USAGE}`);

  const only = (value("only") ?? SCENARIOS.join(",")).split(",").map((s) => s.trim());
  for (const s of only) if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}\n${USAGE}`);
  const growth = (value("growth") ?? (quick ? "10,30" : "50,200,500,1000")).split(",").map(Number);
  if (growth.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--growth takes positive integers\n${USAGE}`);

  return {
    quick,
    guests: int("guests", quick ? 30 : 500),
    dashboards: int("dashboards", quick ? 5 : 50),
    restartGuests: int("restart-guests", quick ? 20 : 200),
    growth,
    only: only as ScenarioName[],
    outDir: value("out") ?? (quick ? `${defaultOutDir}/quick` : defaultOutDir),
    openConcurrency: int("open-concurrency", 50),
  };
}
