// Staff acting on a guest's door from the board, forwarded by the desk API to the
// session's room: give a backup code for every lock, or issue a brand-new code. The
// guest's stay page and the board hear of it from the room itself.
import { z } from "zod";
import { apiErrorResponse, json, readJsonBody } from "../http-json";
import type { BackupOutcome, StayChannel } from "./stay-channel";

export const DOOR_COMMAND_PATH = "/door";

const staffId = z.string().min(1).max(100);
export const doorCommandBody = z.discriminatedUnion("type", [
  z.object({ type: z.literal("issue-backup"), staffId }),
  z.object({ type: z.literal("new-code"), staffId }),
]);

export const doorCommandAnswer = z.object({
  given: z.array(z.enum(["frontDoor", "room"])),
  missing: z.array(z.enum(["frontDoor", "room"])),
});
true satisfies z.infer<typeof doorCommandAnswer> extends BackupOutcome ? true : false;

/** What the room answers for a new code; the code itself reaches only the guest. */
export const newCodeAnswer = z.object({ issued: z.literal(true) });

export async function doorCommand(
  request: Request,
  stay: StayChannel,
  newCode: () => Promise<Response>,
): Promise<Response> {
  const body = await readJsonBody(request, doorCommandBody);
  if (!body.ok) return body.response;
  if (body.value.type === "new-code") return newCode();
  try {
    return json(await stay.ensureBackups("staff", undefined, body.value.staffId));
  } catch (err) {
    console.warn(`[stay] backup code not given: ${(err as Error).name}`);
    return apiErrorResponse(502, "upstream", "The backup code pool could not be reached. Try again.");
  }
}
