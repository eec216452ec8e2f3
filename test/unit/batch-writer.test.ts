// The batch writer on its own, against a stand-in store whose writes the test can hold
// open or fail, and a log of what was stored and announced, in order.
import { describe, expect, it } from "vitest";
import { BatchWriter } from "../../party/frontdesk/batch-writer";

interface Item {
  id: string;
  version: number;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup() {
  const log: Array<{ stored: string[] } | { announced: string[] }> = [];
  const holds: Array<() => void> = [];
  let holding = false;
  let failNext = false;
  const names = (batch: Item[]) => batch.map((i) => `${i.id}@${i.version}`);
  const writer = new BatchWriter<string, Item>({
    delayMs: 10,
    sleep: tick,
    async store(batch) {
      if (failNext) {
        failNext = false;
        throw new Error("storage down");
      }
      if (holding) await new Promise<void>((resolve) => holds.push(resolve));
      log.push({ stored: names(batch) });
    },
    announce: (batch) => log.push({ announced: names(batch) }),
  });
  const change = (id: string, version: number) => {
    writer.set(id, { id, version });
    return writer.flushed();
  };
  return {
    writer,
    log,
    change,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const resolve of holds.splice(0)) resolve();
    },
    failNextStore: () => (failNext = true),
  };
}

describe("batch writer", () => {
  it("stores and announces the changes of one moment together, each key once in its newest form", async () => {
    const { log, change } = setup();
    await Promise.all([change("a", 1), change("b", 1), change("a", 2)]);
    expect(log).toEqual([{ stored: ["a@2", "b@1"] }, { announced: ["a@2", "b@1"] }]);
  });

  it("settles a caller only once its change is stored and announced", async () => {
    const { log, change, hold, release } = setup();
    hold();
    let settled = false;
    const done = change("a", 1).then(() => (settled = true));
    for (let i = 0; i < 5; i++) await tick();
    expect(settled).toBe(false);
    expect(log).toEqual([]);
    release();
    await done;
    expect(log).toEqual([{ stored: ["a@1"] }, { announced: ["a@1"] }]);
  });

  it("shows a change that is being written as unstored, so a late older update can be merged against it", async () => {
    const { writer, change, hold, release } = setup();
    hold();
    const first = change("a", 5);
    for (let i = 0; i < 5; i++) await tick();
    expect(writer.unstored("a")).toEqual({ id: "a", version: 5 });
    release();
    await first;
    expect(writer.unstored("a")).toBeUndefined();
  });

  it("writes batches one after another, in order, changes made meanwhile going in the next", async () => {
    const { log, change, hold, release } = setup();
    hold();
    const first = change("a", 1);
    for (let i = 0; i < 5; i++) await tick();
    const second = change("a", 2);
    const third = change("b", 1);
    for (let i = 0; i < 5; i++) await tick();
    // The second batch waits for the first, whose write is still open.
    expect(log).toEqual([]);
    release();
    await first;
    release();
    await Promise.all([second, third]);
    expect(log).toEqual([
      { stored: ["a@1"] },
      { announced: ["a@1"] },
      { stored: ["a@2", "b@1"] },
      { announced: ["a@2", "b@1"] },
    ]);
  });

  it("fails the callers of a batch that could not be stored, announces nothing, and carries on", async () => {
    const { writer, log, change, failNextStore } = setup();
    failNextStore();
    await expect(change("a", 1)).rejects.toThrow("storage down");
    expect(log).toEqual([]);
    expect(writer.unstored("a")).toBeUndefined();
    await change("a", 2);
    expect(log).toEqual([{ stored: ["a@2"] }, { announced: ["a@2"] }]);
  });

  it("with nothing gathering, settles when the batch in flight does", async () => {
    const { writer, log, change, hold, release } = setup();
    await expect(writer.flushed()).resolves.toBeUndefined();
    hold();
    const first = change("a", 1);
    for (let i = 0; i < 5; i++) await tick();
    let settled = false;
    const waiting = writer.flushed().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    release();
    await Promise.all([first, waiting]);
    expect(log).toHaveLength(2);
  });

  it("forgets a gathering change, which then is neither stored nor announced", async () => {
    const { writer, log } = setup();
    writer.set("a", { id: "a", version: 1 });
    writer.set("b", { id: "b", version: 1 });
    expect([...writer.gathering()].map((i) => i.id)).toEqual(["a", "b"]);
    writer.forget("a");
    await writer.flushed();
    expect(log).toEqual([{ stored: ["b@1"] }, { announced: ["b@1"] }]);
  });
});
