// Every background job a property runs. Add a job by importing it here; its name keys
// its schedule in the jobs room's storage.
import { icalJob } from "./ical";
import { messagesJob } from "../messages/job";
import type { Job } from "./job";
import { retentionJob } from "./retention";
import { webhooksJob } from "./webhooks";

export const JOBS: readonly Job[] = [icalJob, messagesJob, retentionJob, webhooksJob];

export function jobNamed(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}
