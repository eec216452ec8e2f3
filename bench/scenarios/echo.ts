// Scenario 2, the baseline: the same number of clients, the same socket code and the
// same arrival ramp against a party that only echoes. Its round trip is the floor of
// what this runtime on this machine can do; check-in steps are reported against it.
import type { BenchEnv } from "../lib/env";
import { tallyErrors } from "../lib/env";
import { deviceFetch } from "../lib/http";
import { Semaphore } from "../lib/pool";
import { BenchSocket } from "../lib/socket";
import { summarize, type Summary } from "../lib/stats";

/** As many socket round trips per client as a guest makes (details, parking, confirm) plus one. */
const ROUND_TRIPS = 4;
/** About the size of a session `state` message, so both directions move what a guest's do. */
const PAYLOAD = JSON.stringify({ type: "details", details: { fullName: "Bench Guest", phone: "07700 900123" }, pad: "x".repeat(560) });

export interface EchoRun {
  clients: number;
  ok: number;
  errors: Record<string, number>;
  /** GET on the echo party: the HTTP floor, compared with lookup and the stay page. */
  http: Summary;
  connect: Summary;
  roundTrip: Summary;
  wallMs: number;
}

export async function runEcho(env: BenchEnv, clients: number): Promise<EchoRun> {
  const gate = new Semaphore(env.options.openConcurrency);
  const http: number[] = [];
  const connect: number[] = [];
  const rtt: number[] = [];
  const begin = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const room = `bench-${Date.now().toString(36)}-${i}`;
      let socket: BenchSocket | undefined;
      try {
        let waiting: { resolve: (at: number) => void; reject: (e: Error) => void } | undefined;
        const fatal = new Promise<never>((_, reject) => {
          socket = new BenchSocket(`${env.wsBase}/parties/echo/${room}`, {
            onMessage: (_text, at) => waiting?.resolve(at),
            onFatal: (reason) => {
              waiting?.reject(new Error(reason));
              reject(new Error(reason));
            },
          }, { reconnect: false, deadline: Infinity });
        });
        fatal.catch(() => {});
        await gate.run(async () => {
          const t0 = performance.now();
          const res = await deviceFetch(`${env.baseUrl}/parties/echo/${room}`);
          await res.text();
          if (!res.ok) throw new Error(`echo HTTP ${res.status}`);
          http.push(performance.now() - t0);
          const t1 = performance.now();
          await socket!.open();
          connect.push(performance.now() - t1);
        });
        for (let k = 0; k < ROUND_TRIPS; k++) {
          const reply = new Promise<number>((resolve, reject) => (waiting = { resolve, reject }));
          const sent = performance.now();
          socket!.send(PAYLOAD);
          const at = await Promise.race([reply, fatal, timeout(30_000)]);
          rtt.push(at - sent);
        }
        const t2 = performance.now();
        const res = await deviceFetch(`${env.baseUrl}/parties/echo/${room}`);
        await res.text();
        http.push(performance.now() - t2);
        return null;
      } catch (err) {
        return (err as Error).message;
      } finally {
        socket?.close();
      }
    }),
  );
  return {
    clients,
    ok: outcomes.filter((o) => o === null).length,
    errors: tallyErrors(outcomes.map((o) => o ?? undefined)),
    http: summarize(http),
    connect: summarize(connect),
    roundTrip: summarize(rtt),
    wallMs: Math.round(performance.now() - begin),
  };
}

const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no echo within ${ms} ms`)), ms).unref());
