// Baseline for benchmarks: the cheapest possible round trip through the same runtime,
// so check-in latencies can be reported as a ratio to it rather than in noisy absolutes.
import type * as Party from "partykit/server";

export default class EchoRoom implements Party.Server {
  constructor(readonly room: Party.Room) {}

  onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    if (typeof message === "string" && message.length <= 16 * 1024) sender.send(message);
  }

  onRequest(): Response {
    return new Response("echo");
  }
}
