import type * as Party from "partykit/server";
import type { Database } from "../../db/client";
import type { RuntimeEnv } from "../env";

/** What every Hono route on the main party can reach. */
export type AppEnv = {
  Bindings: { lobby: Party.FetchLobby; ctx: Party.ExecutionContext };
  Variables: { env: RuntimeEnv; db: Database };
};
