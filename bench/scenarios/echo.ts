// Scenario 2, the baseline: the same number of clients and the same socket and HTTP
// client code against a party that only echoes. All clients first connect (through the
// same ramp as guests), then all make their round trips at once: the round trip with N
// clients active is the floor of what this runtime on this machine can do, and each
// check-in step is reported as a multiple of it.
import type { BenchEnv } from "../lib/env";
import { tallyErrors } from "../lib/env";
import { deviceFetch } from "../lib/http";
import { Semaphore } from "../lib/pool";
import { BenchSocket } from "../lib/socket";
import { summarize, type Summary } from "../lib/stats";

/** As many socket round trips per client as a guest makes (details, parking, confirm) plus one. */
const ROUND_TRIPS = 4;
/** About the size of a session `state` message, so both directions move what a guest's do. */
const PAYLOAD = JSON.stringify({
  type: "details",
  details: { fullName: "Bench Guest", phone: "07700 900123" },
  pad: "x".repeat(560),
});

export interface EchoRun {
  clients: number;
  ok: number;
  errors: Record<string, number>;
  /** GET on an echo room, all clients at once: the HTTP floor, compared with lookup and the stay page. */
  http: Summary;
  /** Socket open to a new room, ramped like the guests' connects. */
  connect: Summary;
  roundTrip: Summary;
  wallMs: number;
}

interface Client {
  room: string;
  socket: BenchSocket;
  reply(): Promise<number>;
}

const timeout = (ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no echo within ${ms} ms`)), ms).unref());

export async function runEcho(env: BenchEnv, clients: number): Promise<EchoRun> {
  const gate = new Semaphore(env.options.openConcurrency);
  const tag = Date.now().toString(36);
  const http: number[] = [];
  const connect: number[] = [];
  const rtt: number[] = [];
  const errors: string[] = [];
  const begin = performance.now();

  // Phase 1: everyone connects, ramped.
  const opened = await Promise.all(
    Array.from({ length: clients }, async (_, i): Promise<Client | null> => {
      const room = `bench-${tag}-${i}`;
      let waiting: { resolve: (at: number) => void; reject: (e: Error) => void } | undefined;
      let failure: Error | undefined;
      const socket = new BenchSocket(
        `${env.wsBase}/parties/echo/${room}`,
        {
          onMessage: (_text, at) => waiting?.resolve(at),
          onFatal: (reason) => {
            failure = new Error(reason);
            waiting?.reject(failure);
          },
        },
        { reconnect: false, deadline: Infinity },
      );
      try {
        await gate.run(async () => {
          const t0 = performance.now();
          await socket.open();
          connect.push(performance.now() - t0);
        });
      } catch (err) {
        errors.push((err as Error).message);
        return null;
      }
      const reply = () =>
        failure ? Promise.reject(failure) : new Promise<number>((resolve, reject) => (waiting = { resolve, reject }));
      return { room, socket, reply };
    }),
  );

  // Phase 2: every client at once, socket round trips then one HTTP GET each.
  const live = opened.filter((c): c is Client => c !== null);
  await Promise.all(
    live.map(async (c) => {
      try {
        for (let k = 0; k < ROUND_TRIPS; k++) {
          const reply = c.reply();
          const sent = performance.now();
          c.socket.send(PAYLOAD);
          rtt.push((await Promise.race([reply, timeout(30_000)])) - sent);
        }
        const t0 = performance.now();
        const res = await deviceFetch(`${env.baseUrl}/parties/echo/${c.room}`);
        await res.text();
        if (!res.ok) throw new Error(`echo HTTP ${res.status}`);
        http.push(performance.now() - t0);
      } catch (err) {
        errors.push((err as Error).message);
      } finally {
        c.socket.close();
      }
    }),
  );
  return {
    clients,
    ok: clients - errors.length,
    errors: tallyErrors(errors),
    http: summarize(http),
    connect: summarize(connect),
    roundTrip: summarize(rtt),
    wallMs: Math.round(performance.now() - begin),
  };
}
