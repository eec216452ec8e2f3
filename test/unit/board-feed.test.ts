// The checkin room's side of the board feed, against a stand-in socket: a change counts
// as sent only when the front desk answers that it is stored.
import { describe, expect, it } from "vitest";
import { BoardFeed } from "../../party/checkin/board-feed";
import type { BoardSession } from "../../domain/board";
import { boardSession } from "../support/board-fixture";

type Listener = (event: { data?: unknown }) => void;

function fakeSocket() {
  const listeners = new Map<string, Listener[]>();
  const sent: { seq: number; session: BoardSession }[] = [];
  const socket = {
    addEventListener(type: string, fn: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), fn]);
    },
    send(text: string) {
      sent.push(JSON.parse(text));
    },
    close() {},
  };
  const emit = (type: string, data?: unknown) => {
    for (const fn of listeners.get(type) ?? []) fn({ data });
  };
  return {
    socket: socket as unknown as WebSocket,
    sent,
    answer: (seq: number, ok = true) => emit("message", JSON.stringify({ type: "stored", seq, ok })),
    drop: () => emit("close"),
  };
}

const session = (version: number) => boardSession("s".repeat(22), version);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("board feed", () => {
  it("resolves a send when the front desk says it is stored, and rejects it when it says not", async () => {
    const fake = fakeSocket();
    const link = new BoardFeed(async () => fake.socket);
    const first = link.send(session(1));
    await tick();
    const second = link.send(session(2));
    await tick();
    expect(fake.sent.map((m) => m.seq)).toEqual([1, 2]);
    fake.answer(2, false);
    fake.answer(1);
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toThrow(/could not store/);
  });

  it("fails what is in flight when the socket drops, and opens a new one for the next send", async () => {
    const sockets = [fakeSocket(), fakeSocket()];
    let opened = 0;
    const link = new BoardFeed(async () => sockets[opened++]!.socket);
    const lost = link.send(session(1));
    await tick();
    sockets[0]!.drop();
    await expect(lost).rejects.toThrow(/closed/);
    const resent = link.send(session(1));
    await tick();
    expect(opened).toBe(2);
    sockets[1]!.answer(sockets[1]!.sent[0]!.seq);
    await expect(resent).resolves.toBeUndefined();
  });

  it("ignores answers it did not ask for", async () => {
    const fake = fakeSocket();
    const link = new BoardFeed(async () => fake.socket);
    const pending = link.send(session(1));
    await tick();
    fake.answer(99);
    fake.answer(1);
    await expect(pending).resolves.toBeUndefined();
  });

  it("fails a send the socket refuses instead of leaving it waiting", async () => {
    const fake = fakeSocket();
    (fake.socket as unknown as { send(): void }).send = () => {
      throw new Error("WebSocket is closing");
    };
    const link = new BoardFeed(async () => fake.socket);
    await expect(link.send(session(1))).rejects.toThrow(/closing/);
  });
});
