// Seam's failures in plain words, split into "try again later" and "a person must act".
// The text reaches the desk's board; it never includes the code or the request body.
import { LockProviderError } from "../provider";

/** Error types that clear up on their own: the lock or its hub comes back online. */
const TRANSIENT_TYPES: ReadonlySet<string> = new Set(["device_offline", "device_disconnected", "hub_disconnected"]);

const PLAIN_WORDS: Readonly<Record<string, string>> = {
  device_offline: "The lock is offline",
  device_disconnected: "The lock is disconnected from its hub",
  hub_disconnected: "The lock's hub is offline",
  account_disconnected: "The lock maker's account is disconnected from Seam; reconnect it in the Seam console",
  device_not_found: "Seam does not know this lock; check the room's Seam device id",
  access_code_not_found: "Seam does not know this code",
  invalid_input: "Seam refused the request",
  no_space_for_access_code_on_device: "The lock has no free code slot",
  empty_backup_access_code_pool: "The lock's backup-code pool is empty",
};

export function seamHttpError(status: number, type: string | null, message: string): LockProviderError {
  if (status === 401) return new LockProviderError("Seam refused the API key (check SEAM_API_KEY)", false);
  if (status === 403) return new LockProviderError("The Seam API key may not do this (check its workspace)", false);
  const transient = status >= 500 || status === 429 || status === 408 || (type !== null && TRANSIENT_TYPES.has(type));
  const words =
    (type && PLAIN_WORDS[type]) ?? (transient ? "Seam is not answering properly" : "Seam refused the request");
  // A message may echo the code it refused; digits long enough to be one never leave here.
  const detail = message ? `: ${message.replace(/\d{4,}/g, "[digits]").slice(0, 160)}` : "";
  return new LockProviderError(`${words} (HTTP ${status}${type ? `, ${type}` : ""})${detail}`, transient);
}

export function seamUnreachable(cause: unknown): LockProviderError {
  const reason = cause instanceof Error && cause.name === "TimeoutError" ? "timed out" : "could not be reached";
  return new LockProviderError(`Seam ${reason}`, true);
}
