import { describe, expect, it } from "vitest";
import { SnapshotSync } from "../../party/snapshot-sync";

/** A send whose every call waits until the test lets it finish, so overlaps can be arranged. */
function gatedSend(state: { value: number }) {
  const sent: number[] = [];
  const pending: Array<{ finish(ok: boolean): void }> = [];
  const send = () =>
    new Promise<void>((resolve, reject) => {
      const value = state.value;
      pending.push({
        finish: (ok) => {
          if (!ok) return reject(new Error("connection lost"));
          sent.push(value);
          resolve();
        },
      });
    });
  const next = async (ok = true) => {
    await new Promise((r) => setTimeout(r, 0));
    const call = pending.shift();
    if (!call) throw new Error("no send in flight");
    call.finish(ok);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { send, sent, pending, next };
}

const noWait = async () => {};

describe("snapshot sync", () => {
  it("collapses changes made during a send into one send of the newest state", async () => {
    const state = { value: 1 };
    const g = gatedSend(state);
    const sync = new SnapshotSync(g.send, { retryDelaysMs: [], onGiveUp: () => {}, sleep: noWait });
    sync.changed();
    state.value = 2;
    sync.changed();
    state.value = 3;
    sync.changed();
    await g.next();
    await g.next();
    await sync.settled();
    expect(g.sent).toEqual([1, 3]);
    expect(g.pending).toHaveLength(0);
  });

  it("retries a failed send, then reports it and stops", async () => {
    const state = { value: 7 };
    const g = gatedSend(state);
    const givenUp: unknown[] = [];
    const sync = new SnapshotSync(g.send, { retryDelaysMs: [10, 20], onGiveUp: (e) => givenUp.push(e), sleep: noWait });
    sync.changed();
    await g.next(false);
    await g.next(false);
    await g.next(false);
    await sync.settled();
    expect(g.sent).toEqual([]);
    expect(givenUp).toHaveLength(1);
    // The next change sends the whole state again, repairing what was missed.
    state.value = 8;
    sync.changed();
    await g.next();
    await sync.settled();
    expect(g.sent).toEqual([8]);
  });

  it("sends a change that arrives after a failure instead of retrying the old state", async () => {
    const state = { value: 1 };
    const g = gatedSend(state);
    const sync = new SnapshotSync(g.send, { retryDelaysMs: [10], onGiveUp: () => {}, sleep: noWait });
    sync.changed();
    state.value = 2;
    sync.changed();
    await g.next(false);
    await g.next();
    await sync.settled();
    expect(g.sent).toEqual([2]);
  });
});
