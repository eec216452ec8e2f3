// The one interface every smart-lock vendor is reached through. A PIN is labelled
// with something we choose (the check-in session), so after a crash or a retry we
// can find what we already created instead of creating a second live code.
export interface PinRequest {
  lockId: string;
  code: string;
  label: string;
  startsAt: number; // epoch ms
  endsAt: number;
}

export interface LockPin {
  pinId: string;
  lockId: string;
  label: string;
}

export interface LockProvider {
  createPin(request: PinRequest): Promise<LockPin>;
  deletePin(lockId: string, pinId: string): Promise<void>;
  findPins(lockId: string, label: string): Promise<LockPin[]>;
}

/** `transient` failures are worth retrying (timeouts, 5xx, rate limits); others are not. */
export class LockProviderError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = "LockProviderError";
  }
}
