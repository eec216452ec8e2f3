// Picks the lock provider named by LOCK_PROVIDER. Parties reach it by HTTP to SELF_URL
// because alarms cannot use `room.context.parties`.
import type { RuntimeEnv } from "../env";
import type { LockProvider } from "./provider";
import { vendorHttpProvider } from "./vendor-http";

export function lockProvider(env: RuntimeEnv): LockProvider {
  switch (env.LOCK_PROVIDER) {
    case "simulated":
      return vendorHttpProvider(`${env.SELF_URL}/parties/locksim`, env.INTERNAL_SECRET);
  }
}
