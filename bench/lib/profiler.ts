// CPU profile of the runtime (workerd) while a scenario runs, through the V8
// inspector partykit dev opens for it. `npm run bench -- --profile` writes
// bench/results/profile-<scenario>.cpuprofile (open it in Chrome DevTools) and prints
// where the time went: self time per function and per source area.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import WebSocket from "ws";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The inspector port of the workerd serving `port`, read from its command line. */
function inspectorPort(port: number): number | null {
  const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
  const line = ps.split("\n").find((l) => l.includes("workerd serve") && l.includes(`entry=0.0.0.0:${port} `));
  const m = line?.match(/--inspector-addr=[^:]+:(\d+)/);
  return m ? Number(m[1]) : null;
}

class Cdp {
  private nextId = 1;
  private pending = new Map<number, (result: unknown) => void>();
  constructor(private ws: WebSocket) {
    ws.on("message", (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.error ? Promise.reject(new Error(msg.error.message)) : msg.result);
    });
  }
  static open(url: string): Promise<Cdp> {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(new Cdp(ws)));
      ws.once("error", reject);
    });
  }
  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.pending.set(id, resolve as (r: unknown) => void));
  }
  close() {
    this.ws.terminate();
  }
}

export interface RuntimeProfiler {
  stop(file: string): Promise<string>;
}

/** Starts sampling the user worker; `stop` writes the profile and returns a text summary. */
export async function startRuntimeProfile(port: number): Promise<RuntimeProfiler | null> {
  const inspector = inspectorPort(port);
  if (!inspector) return null;
  const cdp = await Cdp.open(`ws://127.0.0.1:${inspector}/core:user:`);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  return {
    async stop(file: string) {
      const { profile } = await cdp.send<{ profile: CpuProfile }>("Profiler.stop");
      cdp.close();
      writeFileSync(file, JSON.stringify(profile));
      return summarizeProfile(profile);
    },
  };
}

/** Where self time went: by source area (our code, each library, runtime internals) and the top functions. */
export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = profile.endTime - profile.startTime;
  const area = (f: CallFrame) => {
    if (f.functionName === "(idle)") return "(idle)";
    if (f.functionName === "(garbage collector)") return "(garbage collector)";
    if (f.functionName === "(program)") return "(program: runtime outside JS)";
    const pkg = f.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
    if (pkg) return pkg;
    const src = f.url.match(/\/(party|domain|db|shared)\//)?.[1];
    return src ? `${src}/ (ours)` : f.url ? f.url.replace(/^.*\//, "") : "(native)";
  };
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    areas.set(area(f), (areas.get(area(f)) ?? 0) + us);
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(node_modules|party|domain|db|shared)\//, "$1/")}:${f.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / totalUs) * 100).toFixed(1)}%`;
  const lines = [`runtime profile: ${(totalUs / 1e6).toFixed(1)} s sampled`, "self time by area:"];
  for (const [k, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${pct(us).padStart(6)}  ${k}`);
  lines.push("top functions (self):");
  for (const [k, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us).padStart(6)}  ${k}`);
  return lines.join("\n");
}
