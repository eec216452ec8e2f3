// The open-loop baseline: a "guest" of the echo party with the same shape as a real one
// (an HTTP request to a new room, a socket open, three socket round trips, an HTTP
// request, a think time between each), arriving at the same rate and timed the same way,
// from each step's due time. At a given rate it therefore holds about as many sockets
// open as the check-in does, and its p99 is what the bare runtime does at that load.
import { sleepUntil } from "./arrivals";
import { deviceFetch } from "./http";
import { BenchSocket } from "./socket";

/** About the size of a session `state` message, so both directions move what a guest's do. */
const PAYLOAD = JSON.stringify({
  type: "details",
  details: { fullName: "Bench Guest", phone: "07700 900123" },
  pad: "x".repeat(560),
});
const ROUND_TRIPS = 3;

export interface EchoJourneyResult {
  ok: boolean;
  error?: string;
  http: number[];
  connect?: number;
  roundTrips: number[];
}

export async function runEchoJourney(
  room: string,
  dueAt: number,
  opts: { baseUrl: string; wsBase: string; thinkMs: number; budgetMs: number },
): Promise<EchoJourneyResult> {
  const r: EchoJourneyResult = { ok: false, http: [], roundTrips: [] };
  let due = dueAt;
  let replied: ((at: number) => void) | undefined;
  let fail!: (err: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const budget = setTimeout(
    () => fail(new Error(`timed out after ${opts.budgetMs} ms`)),
    Math.max(0, dueAt + opts.budgetMs - performance.now()),
  );
  const orFail = <T>(p: Promise<T>) => Promise.race([p, failed]);
  const get = async () => {
    await sleepUntil(due);
    const res = await orFail(deviceFetch(`${opts.baseUrl}/parties/echo/${room}`));
    await res.text();
    if (!res.ok) throw new Error(`echo HTTP ${res.status}`);
    const at = performance.now();
    r.http.push(at - due);
    due = at + opts.thinkMs;
  };
  const socket = new BenchSocket(
    `${opts.wsBase}/parties/echo/${room}`,
    {
      onMessage: (_text, at) => replied?.(at),
      onFatal: (reason) => fail(new Error(`echo socket: ${reason}`)),
    },
    { reconnect: false, deadline: Infinity },
  );
  try {
    await get();
    await sleepUntil(due);
    await orFail(socket.open());
    const opened = performance.now();
    r.connect = opened - due;
    due = opened + opts.thinkMs;
    for (let k = 0; k < ROUND_TRIPS; k++) {
      await sleepUntil(due);
      const reply = orFail(new Promise<number>((resolve) => (replied = resolve)));
      reply.catch(() => {});
      if (!socket.send(PAYLOAD)) throw new Error("echo socket not open");
      const at = await reply;
      r.roundTrips.push(at - due);
      due = at + opts.thinkMs;
    }
    socket.close();
    await get();
    r.ok = true;
  } catch (err) {
    r.error = (err as Error).message;
  } finally {
    clearTimeout(budget);
    socket.close();
  }
  return r;
}
