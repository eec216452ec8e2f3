// Every background job a property runs. Add a job by importing it here; its name keys
// its schedule in the jobs room's storage.
import { messagesJob } from "../messages/job";
import type { Job } from "./job";

export const JOBS: readonly Job[] = [messagesJob];

export function jobNamed(name: string): Job | undefined {
  return JOBS.find((job) => job.name === name);
}
