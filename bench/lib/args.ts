// Command-line flags of `npm run bench`. Defaults are the issue's: 500 guests, 50
// dashboards, open-loop rates 5–80 check-ins/s for 60 s each, a 10,000-guest soak;
// --quick shrinks everything so CI can run it in about a minute, and leaves the soak out.
export const SCENARIOS = ["guests", "echo", "dashboards", "faults", "growth", "costs", "open-loop", "soak"] as const;
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
  /** Open loop: arrival rates in check-ins/s, each on a fresh runtime. */
  rates: number[];
  /** Open loop: seconds of arrivals per rate. */
  seconds: number;
  /** Open loop: seconds of echo-journey arrivals per rate (the baseline). */
  echoSeconds: number;
  /** Open loop: a guest's pause between seeing an answer and taking the next step. */
  thinkMs: number;
  /** Soak: check-ins in a row on one runtime. */
  soak: number;
  /** Soak: guests in flight at once. */
  soakConcurrency: number;
}

const USAGE =
  `usage: npm run bench -- [--quick] [--guests N] [--dashboards M] [--only ${SCENARIOS.join("|")}[,..]] ` +
  "[--growth 50,200,...] " +
  "[--rates 5,10,...] [--seconds S] [--echo-seconds S] [--think-ms MS] [--soak N] [--soak-concurrency C] [--out DIR]";

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
  const known = new Set([
    "--quick",
    "--guests",
    "--dashboards",
    "--only",
    "--growth",
    "--out",
    "--restart-guests",
    "--open-concurrency",
    "--rates",
    "--seconds",
    "--echo-seconds",
    "--think-ms",
    "--soak",
    "--soak-concurrency",
  ]);
  for (const a of argv) if (a.startsWith("--") && !known.has(a)) throw new Error(`unknown flag ${a}\n${USAGE}`);

  // The soak alone takes several minutes: a quick run leaves it out unless asked for.
  const byDefault = SCENARIOS.filter((s) => !quick || s !== "soak").join(",");
  const only = (value("only") ?? byDefault).split(",").map((s) => s.trim());
  for (const s of only)
    if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}\n${USAGE}`);
  const growth = (value("growth") ?? (quick ? "10,30" : "50,200,500,1000")).split(",").map(Number);
  if (growth.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--growth takes positive integers\n${USAGE}`);
  const rates = (value("rates") ?? (quick ? "2" : "5,10,20,40,60,80")).split(",").map(Number);
  if (rates.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error(`--rates takes positive numbers\n${USAGE}`);

  return {
    quick,
    guests: int("guests", quick ? 30 : 500),
    dashboards: int("dashboards", quick ? 5 : 50),
    restartGuests: int("restart-guests", quick ? 20 : 200),
    growth,
    only: only as ScenarioName[],
    outDir: value("out") ?? (quick ? `${defaultOutDir}/quick` : defaultOutDir),
    openConcurrency: int("open-concurrency", 50),
    rates: [...new Set(rates)].sort((a, b) => a - b),
    seconds: int("seconds", quick ? 10 : 60),
    echoSeconds: int("echo-seconds", quick ? 5 : 20),
    thinkMs: int("think-ms", quick ? 300 : 1000),
    soak: int("soak", quick ? 300 : 10_000),
    soakConcurrency: int("soak-concurrency", 20),
  };
}
