// Ending a staff session also ends its live board sockets: the board room of every
// property the person could watch is told to close them. The audit row that revokes
// the session is written first, so a socket opening meanwhile is refused anyway.
import type * as Party from "partykit/server";
import type { Database } from "../../../db/client";
import { listPropertyIds } from "../../../db/queries/staff";
import type { RuntimeEnv } from "../../env";
import { END_STAFF_SESSIONS_PATH, type EndStaffSessions } from "../../frontdesk/staff-sockets";
import { callParty } from "../../party-client";

export async function closeStaffSockets(
  env: RuntimeEnv,
  db: Database,
  parties: Party.Context["parties"],
  homePropertyId: string | null,
  end: EndStaffSessions,
): Promise<void> {
  const properties = homePropertyId ? [homePropertyId] : await listPropertyIds(db);
  const answers = await Promise.all(
    properties.map((roomId) =>
      callParty(
        env,
        parties,
        { party: "frontdesk", roomId, path: END_STAFF_SESSIONS_PATH },
        { method: "POST", body: end },
      ),
    ),
  );
  const failed = answers.filter((r) => !r.ok).length;
  if (failed > 0) throw new Error(`${failed} board rooms did not confirm closing the staff session's sockets`);
}
