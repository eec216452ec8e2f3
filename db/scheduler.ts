// Bounds how many database queries one isolate has in flight, per gate, and decides who
// goes next: guest work before background work, first come first served within each.
//
// A freed place is handed straight to the next waiter, so no newcomer can take it first
// and the bound holds at every instant. The waiter is not woken by the request that
// frees the place, though: in workerd a promise resolved by another request continues in
// *that* request's I/O context, where this request's fetch never answers, and a request
// waiting on nothing of its own is cancelled as hung (`bench/workerd-wake.ts` shows
// both). So each waiter checks on a timer of its own whether it has been handed a place:
// the few next in line often, the rest only once the line should have moved
// up to them (their place in line times the recent time a query holds a place, over the
// capacity), a few wake-ups each instead of one every millisecond.
//
// A request the runtime cancels never runs its `finally`, so neither a waiter nor a place
// can rely on being given back: a waiter that has not checked in long after its timer
// was due is dropped (with any place it was handed), and a place held far longer than any
// query takes is taken back.

export type GateKind = "read" | "write";
/** Work a guest is waiting on goes first; `background` (analytics) takes what is left. */
export type QueryPriority = "guest" | "background";

export interface Permit {
  /** Gives the place back; a second call does nothing. */
  release(): void;
}

export interface SchedulerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface SchedulerOptions {
  clock?: SchedulerClock;
  /** A waiter this late for its own check-in belonged to a cancelled request. */
  abandonedAfterMs?: number;
  /** A place held this long belonged to a cancelled request. */
  heldAtMostMs?: number;
}

/** Timers run late on a saturated isolate; only a waiter far past due is taken for gone. */
const ABANDONED_AFTER_MS = 5_000;
const HELD_AT_MOST_MS = 60_000;
/** The longest a waiter sleeps between checks, whatever its estimate. */
const MAX_SLEEP_MS = 2_000;
/** What a query is assumed to hold its place for before any has finished. */
const INITIAL_HOLD_MS = 10;
/** Weight of the newest hold time in the running average. */
const HOLD_WEIGHT = 0.2;

const realClock: SchedulerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Waiter {
  handed: boolean;
  /** Past this, the waiter is taken for gone. */
  dueBy: number;
}

interface Lease {
  since: number;
}

class Gate {
  private readonly lines: Record<QueryPriority, Waiter[]> = { guest: [], background: [] };
  /** Places given to a waiter that has not woken to take them yet. */
  private readonly handedOut = new Set<Waiter>();
  private readonly leases = new Set<Lease>();
  /**
   * Running average of how long a query holds its place, from taking it to giving it back:
   * the time a handed place sits unclaimed is left out, else oversleeping would feed itself.
   */
  private holdMs = INITIAL_HOLD_MS;
  private holdsSeen = 0;

  constructor(
    readonly capacity: number,
    private readonly clock: SchedulerClock,
    private readonly abandonedAfterMs: number,
    private readonly heldAtMostMs: number,
  ) {}

  /** Places taken: queries in flight plus places handed to waiters still asleep. */
  get taken(): number {
    return this.leases.size + this.handedOut.size;
  }

  get waiting(): number {
    return this.lines.guest.length + this.lines.background.length;
  }

  async acquire(priority: QueryPriority): Promise<Permit> {
    this.dispatch();
    // After dispatch a free place means nobody waits, so taking it jumps no one.
    if (this.taken < this.capacity) return this.lease();
    const me: Waiter = { handed: false, dueBy: 0 };
    this.lines[priority].push(me);
    for (;;) {
      const sleepMs = this.estimateWait(priority, me);
      me.dueBy = this.clock.now() + sleepMs + this.abandonedAfterMs;
      await this.clock.sleep(sleepMs);
      if (me.handed && this.handedOut.delete(me)) return this.lease();
      // Taken for gone while its timer ran very late, yet alive: back at the front, where it was.
      me.dueBy = this.clock.now() + this.abandonedAfterMs;
      if (me.handed || !this.lines[priority].includes(me)) this.lines[priority].unshift(me);
      me.handed = false;
      this.dispatch();
      if (me.handed && this.handedOut.delete(me)) return this.lease();
    }
  }

  private lease(): Permit {
    const lease: Lease = { since: this.clock.now() };
    this.leases.add(lease);
    return {
      release: () => {
        if (!this.leases.delete(lease)) return;
        const held = this.clock.now() - lease.since;
        this.holdMs = this.holdsSeen++ === 0 ? held : this.holdMs + HOLD_WEIGHT * (held - this.holdMs);
        this.dispatch();
      },
    };
  }

  /** Hands every free place to the next live waiter, guests first. */
  private dispatch(): void {
    const now = this.clock.now();
    this.reclaim(now);
    while (this.taken < this.capacity) {
      const next = this.nextLive("guest", now) ?? this.nextLive("background", now);
      if (!next) return;
      next.handed = true;
      this.handedOut.add(next);
    }
  }

  private nextLive(priority: QueryPriority, now: number): Waiter | undefined {
    const line = this.lines[priority];
    for (let waiter = line.shift(); waiter; waiter = line.shift()) {
      if (waiter.dueBy >= now) return waiter;
    }
    return undefined;
  }

  private reclaim(now: number): void {
    for (const waiter of this.handedOut) if (waiter.dueBy < now) this.handedOut.delete(waiter);
    for (const lease of this.leases) if (now - lease.since > this.heldAtMostMs) this.leases.delete(lease);
  }

  /**
   * How long `me` sleeps before checking again. The next `capacity` in line could be
   * handed a place by any query that finishes, and a place handed to a sleeper sits idle,
   * so they check often: a small slice of the time between two places freeing, at least
   * a millisecond. Further back, about as long as the line takes to move up to them, at
   * `capacity / holdMs` places per ms.
   */
  private estimateWait(priority: QueryPriority, me: Waiter): number {
    const position = this.lines[priority].indexOf(me) + (priority === "background" ? this.lines.guest.length : 0);
    if (position < this.capacity) return Math.max(1, Math.floor(this.holdMs / (4 * this.capacity)));
    const estimate = Math.ceil(((position + 1 - this.capacity) * this.holdMs) / this.capacity);
    return Math.min(MAX_SLEEP_MS, Math.max(1, estimate));
  }
}

export class QueryScheduler {
  private readonly gates: Record<GateKind, Gate>;

  constructor(capacity: Record<GateKind, number>, options: SchedulerOptions = {}) {
    const clock = options.clock ?? realClock;
    const abandoned = options.abandonedAfterMs ?? ABANDONED_AFTER_MS;
    const held = options.heldAtMostMs ?? HELD_AT_MOST_MS;
    this.gates = {
      read: new Gate(capacity.read, clock, abandoned, held),
      write: new Gate(capacity.write, clock, abandoned, held),
    };
  }

  /** Resolves holding a place at the gate; the caller releases it in a `finally`. */
  acquire(kind: GateKind, priority: QueryPriority): Promise<Permit> {
    return this.gates[kind].acquire(priority);
  }

  /** For tests and measurements: places taken and queries waiting, per gate. */
  load(kind: GateKind): { taken: number; waiting: number } {
    const gate = this.gates[kind];
    return { taken: gate.taken, waiting: gate.waiting };
  }
}
