// Picks the lock provider named by LOCK_PROVIDER. Without a Seam key the local Seam
// simulator answers, through SELF_URL because alarms cannot use `room.context.parties`.
import type { RuntimeEnv } from "../env";
import type { LockProvider } from "./provider";
import { SEAM_API_URL, seamProvider } from "./seam/provider";

/** The simulator keeps one simulated Seam workspace per room; this is the one the app uses. */
export const SEAMSIM_WORKSPACE = "workspace";

export const seamSimulatorUrl = (selfUrl: string) => `${selfUrl}/parties/seamsim/${SEAMSIM_WORKSPACE}`;

export function seamConnection(env: RuntimeEnv): { baseUrl: string; apiKey: string } {
  if (env.SEAM_API_KEY) return { baseUrl: env.SEAM_API_URL ?? SEAM_API_URL, apiKey: env.SEAM_API_KEY };
  return { baseUrl: env.SEAM_API_URL ?? seamSimulatorUrl(env.SELF_URL), apiKey: env.SEAMSIM_API_KEY };
}

export function lockProvider(env: RuntimeEnv): LockProvider {
  switch (env.LOCK_PROVIDER) {
    case "seam":
      return seamProvider(seamConnection(env));
  }
}
