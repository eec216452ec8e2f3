// A desk change that may make a message due (a booking added, edited or imported) asks
// the property's messages job to run now rather than at its next interval.
import type { Context } from "hono";
import type { DeskEnv } from "../http/desk/context";
import { wakeJobs } from "../jobs/wake";
import { MESSAGES_JOB } from "./job";

export function pokeMessages(c: Context<DeskEnv>, propertyId: string): void {
  c.env.ctx.waitUntil(wakeJobs(c.get("env"), c.env.lobby.parties, propertyId, MESSAGES_JOB));
}
