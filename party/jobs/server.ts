// One room per property that runs its background jobs (party/jobs/registry.ts) from an
// alarm: each job keeps one "due at" time, the room wakes at the earliest, runs what is
// due side by side (a hung calendar feed must not hold back the messages) and re-arms.
// Storage holds the schedule and the property id, because `room.id` throws in onAlarm.
import type * as Party from "partykit/server";
import { afterRun, dueJobs, type JobDues, nextJobWakeUp, wakeJob } from "../../domain/job-schedule";
import { jobsWake } from "../../shared/protocol/internal";
import { useEnglishZodMessages } from "../../shared/zod-locale";
import { runtimeEnv } from "../env";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import { isInternal } from "../internal-auth";
import { JOBS, jobNamed } from "./registry";

useEnglishZodMessages();

const DUES_KEY = "dues";
const PROPERTY_KEY = "propertyId";

export default class JobsRoom implements Party.Server {
  private dues: JobDues = {};
  private propertyId: string | null = null;

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
    if (!isInternal(request, runtimeEnv(this.room.env).INTERNAL_SECRET)) {
      return apiErrorResponse(403, "forbidden", "Not allowed");
    }
    if (request.method !== "POST") return apiErrorResponse(405, "method_not_allowed", "Method not allowed");
    const body = await readJsonBody(request, jobsWake);
    if (!body.ok) return body.response;
    if (body.value.propertyId !== this.room.id) return apiErrorResponse(400, "wrong_room", "Property does not match");
    if (body.value.job !== undefined && !jobNamed(body.value.job)) {
      return apiErrorResponse(404, "unknown_job", "No such job");
    }
    const now = Date.now();
    if (this.propertyId === null) {
      this.propertyId = this.room.id;
      await this.room.storage.put(PROPERTY_KEY, this.propertyId);
    }
    let dues = this.dues;
    if (body.value.job !== undefined) dues = wakeJob(dues, body.value.job, now);
    else for (const job of JOBS) if (dues[job.name] === undefined) dues = wakeJob(dues, job.name, now);
    await this.save(dues);
    return json({ ok: true });
  }

  async onAlarm() {
    const propertyId = this.propertyId;
    if (propertyId === null) return;
    const env = runtimeEnv(this.room.env);
    const now = Date.now();
    const due = dueJobs(this.dues, now);
    const before = { ...this.dues };
    const outcomes = await Promise.allSettled(due.map((name) => jobNamed(name)!.run({ env, propertyId, now })));
    let dues = this.dues;
    due.forEach((name, i) => {
      const job = jobNamed(name)!;
      const outcome = outcomes[i]!;
      // Job errors may quote a guest's data; the name and the error's class are enough to look further.
      if (outcome.status === "rejected") console.warn(`[jobs] ${name} failed: ${errorClass(outcome.reason)}`);
      const requested = outcome.status === "fulfilled" ? outcome.value : undefined;
      const finished = Date.now();
      const next = afterRun(dues, name, finished, job.everyMs, requested);
      // A poke that arrived during the run asked for another run: keep the earlier of the two.
      const poked = dues[name] !== before[name] ? dues[name] : undefined;
      dues = poked !== undefined ? wakeJob(next, name, poked) : next;
    });
    await this.save(dues);
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
