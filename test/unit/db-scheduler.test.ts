// The query scheduler on its own, against a clock the test moves: bounds, order, priority,
// and places given back by requests the runtime cancelled.
import { describe, expect, it } from "vitest";
import { QueryScheduler, type Permit, type QueryPriority, type SchedulerClock } from "../../db/scheduler";

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Time moves only when the test says; a sleep begun while `cancelled` never ends, like a cancelled request's timer. */
class ManualClock implements SchedulerClock {
  time = 0;
  cancelled = false;
  wakeUps = 0;
  private timers: Array<{ at: number; resolve(): void }> = [];
  now = () => this.time;
  sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (!this.cancelled) this.timers.push({ at: this.time + ms, resolve });
    });
  async advance(ms: number) {
    const end = this.time + ms;
    for (;;) {
      await settle();
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.time = next.at;
      this.wakeUps++;
      next.resolve();
    }
    this.time = end;
    await settle();
  }
}

function setup(capacity = 2, options: { abandonedAfterMs?: number; heldAtMostMs?: number } = {}) {
  const clock = new ManualClock();
  const scheduler = new QueryScheduler({ read: capacity + 1, write: capacity }, { clock, ...options });
  const admitted: string[] = [];
  const permits = new Map<string, Permit>();
  const ask = (name: string, priority: QueryPriority = "guest") =>
    scheduler.acquire("write", priority).then((permit) => {
      admitted.push(name);
      permits.set(name, permit);
    });
  const release = (name: string) => permits.get(name)!.release();
  return { clock, scheduler, admitted, ask, release };
}

describe("query scheduler", () => {
  it("admits up to the gate's capacity and one more per place given back, never a burst", async () => {
    const { clock, scheduler, admitted, ask, release } = setup(2);
    for (const name of ["a", "b", "c", "d", "e"]) void ask(name);
    await clock.advance(1_000);
    expect(admitted).toEqual(["a", "b"]);
    expect(scheduler.load("write")).toEqual({ taken: 2, waiting: 3 });
    release("a");
    await clock.advance(1_000);
    expect(admitted).toEqual(["a", "b", "c"]);
    expect(scheduler.load("write").taken).toBe(2);
    release("b");
    release("c");
    await clock.advance(5_000);
    // Two places freed at once go to the next two; which of them wakes first is up to their timers.
    expect(admitted.slice(0, 3)).toEqual(["a", "b", "c"]);
    expect(admitted.slice(3).sort()).toEqual(["d", "e"]);
    expect(scheduler.load("write")).toEqual({ taken: 2, waiting: 0 });
  });

  it("keeps the gates apart: a full write gate does not hold up reads", async () => {
    const { clock, scheduler, ask } = setup(2);
    for (const name of ["a", "b", "c"]) void ask(name);
    const read = scheduler.acquire("read", "guest");
    await clock.advance(1);
    await expect(read).resolves.toBeDefined();
    expect(scheduler.load("read")).toEqual({ taken: 1, waiting: 0 });
  });

  it("admits waiters in arrival order, guests before background work that waited longer", async () => {
    const { clock, admitted, ask, release } = setup(1);
    void ask("blocker");
    void ask("analytics 1", "background");
    void ask("guest 1");
    void ask("analytics 2", "background");
    void ask("guest 2");
    await clock.advance(1_000);
    for (const name of ["blocker", "guest 1", "guest 2", "analytics 1"]) {
      release(name);
      await clock.advance(5_000);
    }
    expect(admitted).toEqual(["blocker", "guest 1", "guest 2", "analytics 1", "analytics 2"]);
  });

  it("keeps a freed place for the waiter it was handed to, not a newcomer that asks first", async () => {
    const { clock, scheduler, admitted, ask, release } = setup(1);
    void ask("a");
    void ask("b");
    await clock.advance(1_000);
    release("a");
    // b is still asleep on its own timer when c asks.
    void ask("c");
    await settle();
    expect(scheduler.load("write")).toEqual({ taken: 1, waiting: 1 });
    await clock.advance(1_000);
    expect(admitted).toEqual(["a", "b"]);
  });

  it("wakes those far back in line a few times each while they wait, not once a millisecond", async () => {
    const { clock, ask, release, admitted } = setup(2);
    const names = Array.from({ length: 40 }, (_, i) => `q${i}`);
    for (const name of names) void ask(name);
    // Each query holds its place for 20 ms: the last waits about 400 ms.
    for (let served = 0; served < names.length; served += 2) {
      await clock.advance(20);
      for (const name of names.slice(served, served + 2)) if (admitted.includes(name)) release(name);
    }
    await clock.advance(1_000);
    expect(admitted).toHaveLength(names.length);
    // Polling every millisecond would be some 200 each.
    expect(clock.wakeUps / names.length).toBeLessThan(12);
  });

  it("drops a waiter whose request was cancelled, with the place it was handed", async () => {
    const { clock, scheduler, admitted, ask, release } = setup(1, { abandonedAfterMs: 500 });
    void ask("a");
    clock.cancelled = true;
    void ask("cancelled");
    clock.cancelled = false;
    void ask("b");
    await clock.advance(100);
    release("a");
    await clock.advance(100);
    // Handed to the cancelled waiter, whose timer will never fire.
    expect(admitted).toEqual(["a"]);
    await clock.advance(2_000);
    expect(admitted).toEqual(["a", "b"]);
    expect(scheduler.load("write")).toEqual({ taken: 1, waiting: 0 });
  });

  it("takes back a place whose holder never gave it back, and ignores a second release", async () => {
    const { clock, scheduler, admitted, ask, release } = setup(1, { heldAtMostMs: 10_000 });
    void ask("lost");
    void ask("b");
    await clock.advance(9_000);
    expect(admitted).toEqual(["lost"]);
    await clock.advance(2_000);
    expect(admitted).toEqual(["lost", "b"]);
    // The late release of the taken-back place must not free b's.
    release("lost");
    void ask("c");
    await clock.advance(1_000);
    expect(admitted).toEqual(["lost", "b"]);
    release("b");
    release("b");
    await clock.advance(1_000);
    expect(admitted).toEqual(["lost", "b", "c"]);
    expect(scheduler.load("write").taken).toBe(1);
  });
});
