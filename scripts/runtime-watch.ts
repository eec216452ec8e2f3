// Under `npm start` nobody else would notice a dead runtime: partykit dev can die, or
// lose its workerd while it keeps running, and the app just stops answering. This polls
// the runtime, restarts it when it stops answering, and gives up if it keeps dying.
import { probe } from "./http-probe";
import type { Stack } from "./stack";

export interface RuntimeWatchOptions {
  intervalMs?: number;
  /** Consecutive unanswered polls that count as a dead runtime. */
  missesAllowed?: number;
  /** Restarts allowed within `windowMs` before giving up. */
  maxRestarts?: number;
  windowMs?: number;
  say(text: string): void;
  /** Called once when a restart fails or the runtime keeps dying; the watch has stopped. */
  onGiveUp(reason: string): void;
}

export interface RuntimeWatch {
  stop(): void;
}

export function watchRuntime(
  stack: Pick<Stack, "url" | "stopRuntime" | "startRuntime">,
  opts: RuntimeWatchOptions,
): RuntimeWatch {
  const intervalMs = opts.intervalMs ?? 2000;
  const missesAllowed = opts.missesAllowed ?? 3;
  const maxRestarts = opts.maxRestarts ?? 3;
  const windowMs = opts.windowMs ?? 10 * 60_000;
  let restarts: number[] = [];
  let misses = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const restart = async (reason: string) => {
    const now = Date.now();
    restarts = restarts.filter((t) => now - t < windowMs);
    if (restarts.length >= maxRestarts) {
      stopped = true;
      opts.onGiveUp(`runtime ${reason} again after ${maxRestarts} restarts in ${windowMs / 60_000} min`);
      return;
    }
    restarts.push(now);
    opts.say(`runtime ${reason}: restarting it (restart ${restarts.length} of ${maxRestarts})`);
    try {
      await stack.stopRuntime("SIGKILL");
      await stack.startRuntime();
    } catch (err) {
      if (stopped) return; // Shut down while restarting: not a failure.
      stopped = true;
      opts.onGiveUp(`runtime could not be restarted: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const poll = async () => {
    if (stopped) return;
    try {
      // Any HTTP answer means the runtime is up; /healthz's own status is about the database.
      await probe(`${stack.url}/healthz`);
      misses = 0;
    } catch (err) {
      misses += 1;
      if (misses >= missesAllowed) {
        misses = 0;
        await restart(`not answering at ${stack.url} (${(err as Error).message})`);
      }
    }
    if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
  };
  timer = setTimeout(() => void poll(), intervalMs);

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
