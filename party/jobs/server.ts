// One room per property that runs its background jobs (party/jobs/registry.ts) from an
// alarm: each job keeps one "due at" time, the room wakes at the earliest, runs what is
// due side by side and re-arms. A poke starts its job at once, even while the alarm waits
// on another (a hung calendar feed must not hold back the messages).
// Storage holds the schedule and the property id, because `room.id` throws in onAlarm.
import type * as Party from "partykit/server";
import { afterRun, dueJobs, type JobDues, nextJobWakeUp, wakeJob } from "../../domain/job-schedule";
import { jobsWake } from "../../shared/protocol/internal";
import { useEnglishZodMessages } from "../../shared/zod-locale";
import { runtimeEnv, type RuntimeEnv } from "../env";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import { isInternal } from "../internal-auth";
import { JOBS, jobNamed } from "./registry";

useEnglishZodMessages();

const DUES_KEY = "dues";
const PROPERTY_KEY = "propertyId";

export default class JobsRoom implements Party.Server {
  private dues: JobDues = {};
  private propertyId: string | null = null;
  /** Runs in flight, by job: a job never runs twice at once. */
  private readonly running = new Map<string, Promise<void>>();
  /** Jobs poked while they ran: what the poke was about may have come too late for that run. */
  private readonly pokedWhileRunning = new Set<string>();

  constructor(readonly room: Party.Room) {}

  /** Nothing here speaks websockets. */
  static onBeforeConnect(): Response {
    return new Response("Not found", { status: 404 });
  }

  async onStart() {
    this.dues = (await this.room.storage.get<JobDues>(DUES_KEY)) ?? {};
    this.propertyId = (await this.room.storage.get<string>(PROPERTY_KEY)) ?? null;
    // A job removed from the registry must not keep waking the room.
    for (const name of Object.keys(this.dues)) if (!jobNamed(name)) delete this.dues[name];
  }

  async onRequest(req: Party.Request): Promise<Response> {
    const request = req as unknown as Request;
    const env = runtimeEnv(this.room.env);
    if (!isInternal(request, env.INTERNAL_SECRET)) {
      return apiErrorResponse(403, "forbidden", "Not allowed");
    }
    if (request.method !== "POST") return apiErrorResponse(405, "method_not_allowed", "Method not allowed");
    const body = await readJsonBody(request, jobsWake);
    if (!body.ok) return body.response;
    // A room first woken by its alarm cannot read its own id under partykit dev, for as long as it
    // lives; the property stored with its first request names it just as well.
    const roomId = this.propertyId ?? this.room.id;
    if (body.value.propertyId !== roomId) return apiErrorResponse(400, "wrong_room", "Property does not match");
    const poked = body.value.job;
    if (poked !== undefined && !jobNamed(poked)) return apiErrorResponse(404, "unknown_job", "No such job");
    const now = Date.now();
    if (this.propertyId === null) {
      this.propertyId = roomId;
      await this.room.storage.put(PROPERTY_KEY, this.propertyId);
    }
    let dues = this.dues;
    if (poked !== undefined) dues = wakeJob(dues, poked, now);
    else for (const job of JOBS) if (dues[job.name] === undefined) dues = wakeJob(dues, job.name, now);
    await this.save(dues);
    if (poked !== undefined) {
      // At once, not behind whatever the alarm is running (a slow calendar must not hold back
      // a message). If this run is cut short, the stored due time brings the alarm back for it.
      if (this.running.has(poked)) this.pokedWhileRunning.add(poked);
      else void this.run(poked, env, this.propertyId).catch(() => {});
    }
    return json({ ok: true });
  }

  async onAlarm() {
    const propertyId = this.propertyId;
    if (propertyId === null) return;
    const env = runtimeEnv(this.room.env);
    await Promise.all(dueJobs(this.dues, Date.now()).map((name) => this.run(name, env, propertyId)));
    // Nothing was due (an early wake): arm for the next one again.
    await this.save(this.dues);
  }

  /** One run of a job, or the run already under way; the job's next time is stored when it ends. */
  private run(name: string, env: RuntimeEnv, propertyId: string): Promise<void> {
    const inFlight = this.running.get(name);
    if (inFlight) return inFlight;
    const job = jobNamed(name)!;
    const run = (async () => {
      let requested: number | undefined;
      try {
        requested = await job.run({ env, propertyId, now: Date.now() });
      } catch (error) {
        // Job errors may quote a guest's data; the name and the error's class are enough to look further.
        console.warn(`[jobs] ${name} failed: ${errorClass(error)}`);
      }
      const finished = Date.now();
      let dues = afterRun(this.dues, name, finished, job.everyMs, requested);
      if (this.pokedWhileRunning.delete(name)) dues = wakeJob(dues, name, finished);
      this.running.delete(name);
      await this.save(dues);
    })();
    this.running.set(name, run);
    return run;
  }

  /** Persist the schedule, then arm the alarm for its earliest time. */
  private async save(dues: JobDues) {
    this.dues = dues;
    await this.room.storage.put(DUES_KEY, dues);
    const next = nextJobWakeUp(dues);
    if (next === null) return;
    const armed = await this.room.storage.getAlarm();
    if (armed === null || armed > next || armed < Date.now() - 1000) await this.room.storage.setAlarm(next);
  }
}

function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
