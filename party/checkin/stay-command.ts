// Staff acting on a guest's door from the board, forwarded by the desk API to the
// session's room: give a backup code for every lock. The guest's stay page and the
// board hear of it from the room itself.
import { z } from "zod";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import type { BackupOutcome, StayChannel } from "./stay-channel";

export const DOOR_COMMAND_PATH = "/door";

export const doorCommandBody = z.object({
  type: z.literal("issue-backup"),
  staffId: z.string().min(1).max(100),
});

export const doorCommandAnswer = z.object({
  given: z.array(z.enum(["frontDoor", "room"])),
  missing: z.array(z.enum(["frontDoor", "room"])),
});
true satisfies z.infer<typeof doorCommandAnswer> extends BackupOutcome ? true : false;

export async function doorCommand(request: Request, stay: StayChannel): Promise<Response> {
  const body = await readJsonBody(request, doorCommandBody);
  if (!body.ok) return body.response;
  try {
    return json(await stay.ensureBackups("staff", undefined, body.value.staffId));
  } catch (err) {
    console.warn(`[stay] backup code not given: ${(err as Error).name}`);
    return apiErrorResponse(502, "upstream", "The backup code pool could not be reached. Try again.");
  }
}
