// The main party serves the HTTP API (Hono) for everything that is not a room URL or
// a static asset. Its own room is unused.
import type * as Party from "partykit/server";
import { app } from "./http/app";
import { useEnglishZodMessages } from "../shared/zod-locale";

useEnglishZodMessages();

export default class Main implements Party.Server {
  constructor(readonly room: Party.Room) {}

  static onFetch(req: Party.Request, lobby: Party.FetchLobby, ctx: Party.ExecutionContext) {
    // Hono's ExecutionContext type is newer than workerd's; the object is the same at run time.
    return app.fetch(req as unknown as Request, { lobby, ctx }, ctx as unknown as Parameters<typeof app.fetch>[2]);
  }

  /** Nothing here speaks websockets; an accepted upgrade would only hold a connection open. */
  static onBeforeConnect(): Response {
    return new Response("Not found", { status: 404 });
  }

  onRequest(): Response {
    return new Response("Not found", { status: 404 });
  }
}
