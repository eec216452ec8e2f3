// How a check-in room reaches its property's front desk: board changes over the socket
// it keeps open (BoardFeed), each acknowledged once stored, and a POST when the socket
// cannot deliver. Both go by the parties binding, else by HTTP to SELF_URL.
import type * as Party from "partykit/server";
import type { BoardSession } from "../../domain/board";
import type { z } from "zod/mini";
import type { boardChange } from "../../shared/protocol/internal";
import type { RuntimeEnv } from "../env";
import { loggableError } from "../log-safe";
import { callParty, connectToParty, type PartyRoute } from "../party-client";
import { BoardFeed } from "./board-feed";

export interface FrontdeskClientHost {
  env(): RuntimeEnv;
  /** The parties binding, or null where partykit withholds it (in and after an alarm). */
  parties(): Party.Context["parties"] | null;
}

export class FrontdeskClient {
  private propertyId: string | null = null;
  private readonly feed = new BoardFeed(() => connectToParty(this.host.env(), this.host.parties(), this.route()));

  constructor(private readonly host: FrontdeskClientHost) {}

  /** Settles once the front desk has stored the change; throws if neither route could deliver it. */
  async send(session: BoardSession, propertyId: string): Promise<void> {
    this.propertyId = propertyId;
    try {
      await this.feed.send(session);
    } catch (err) {
      // The socket is the cheap way, not the only one: a change it could not deliver goes by HTTP.
      console.warn(`[checkin] board feed unavailable, posting instead: ${loggableError(err)}`);
      const body: z.infer<typeof boardChange> = { type: "session", session };
      const res = await callParty(this.host.env(), this.host.parties(), this.route(), { method: "POST", body });
      if (!res.ok) throw new Error(`the front desk answered ${res.status}`);
    }
  }

  /** Once the session has finished and the board has its last state, the socket is no longer needed. */
  close() {
    this.feed.close();
  }

  private route(): PartyRoute {
    if (!this.propertyId) throw new Error("no property to reach yet");
    return { party: "frontdesk", roomId: this.propertyId };
  }
}
