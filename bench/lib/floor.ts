// The floor of a check-in's workerd CPU: what the hops a check-in cannot avoid cost,
// priced with the per-hop probes of the costs scenario in the same run. The hop counts
// are a model of today's flow (party/http/guest-routes.ts, party/checkin/, the lock
// adapter); when the flow changes, change them here, where the report shows each term.
import type { CostProbe } from "../scenarios/costs";

export const WORKERD = "workerd";

interface Hop {
  hop: string;
  count: number;
  /** workerd CPU ms of one such hop, from the probes; undefined when a probe is missing. */
  cost(probe: (name: string) => number | undefined): number | undefined;
}

const probe404 = "HTTP to the main party, no I/O (404)";
const probeQuery = "HTTP to the main party + one libSQL query (/healthz)";

const HOPS: Hop[] = [
  { hop: "guest HTTP request into the app (lookup, stay page)", count: 2, cost: (p) => p(probe404) },
  {
    // /healthz minus the bare request: the query alone.
    hop: "libSQL query (reservation read, guest write, funnel rows, stay read)",
    count: 5,
    cost: (p) => {
      const withQuery = p(probeQuery);
      const bare = p(probe404);
      return withQuery === undefined || bare === undefined ? undefined : Math.max(0, withQuery - bare);
    },
  },
  {
    hop:
      "new room + storage write " +
      "(limiter per client and per reference, the check-in room, the room lock at the vendor)",
    count: 4,
    cost: (p) => p("HTTP to a new room + storage write (limiter)"),
  },
  {
    hop: "existing room + storage write (the front door at the vendor)",
    count: 1,
    cost: (p) => p("HTTP to an existing room + storage write (limiter)"),
  },
  {
    hop: "socket open to an existing room (the guest's, the room's board feed)",
    count: 2,
    cost: (p) => p("HTTP to an existing room (echo)"),
  },
  {
    hop: "websocket message (guest sends and state pushes, board changes and their answers)",
    count: 20,
    cost: (p) => p("websocket message round trip (echo)"),
  },
];

export interface FloorTerm {
  hop: string;
  count: number;
  perHopMs: number;
  ms: number;
}

/** The floor in workerd CPU ms per check-in, term by term; null when the costs probes are missing. */
export function checkinFloor(probes: readonly CostProbe[]): { totalMs: number; terms: FloorTerm[] } | null {
  const byName = new Map(probes.map((p) => [p.probe, p.perOpMs[WORKERD]]));
  const terms: FloorTerm[] = [];
  for (const h of HOPS) {
    const perHopMs = h.cost((name) => byName.get(name));
    if (perHopMs === undefined || !Number.isFinite(perHopMs)) return null;
    terms.push({ hop: h.hop, count: h.count, perHopMs, ms: Math.round(perHopMs * h.count * 100) / 100 });
  }
  return { totalMs: Math.round(terms.reduce((a, t) => a + t.ms, 0) * 10) / 10, terms };
}
