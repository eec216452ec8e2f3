// Keeps a copy held elsewhere (the front-desk board, the funnel row in libSQL) in step
// with a room's latest state without making the guest wait for it. Each send carries the
// whole current state, so changes that arrive while a send is in flight collapse into one
// later send, and a send that failed for good is repaired by the next change.

export interface SnapshotSyncOptions {
  /** Pauses before each retry of a failed send; after the last, the failure is reported and dropped. */
  retryDelaysMs: readonly number[];
  onGiveUp(error: unknown): void;
  sleep?(ms: number): Promise<void>;
}

export class SnapshotSync {
  private dirty = false;
  private draining: Promise<void> | null = null;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly send: () => Promise<void>,
    private readonly options: SnapshotSyncOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The state changed: the newest state will be sent, soon, once. */
  changed(): void {
    this.dirty = true;
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      // A change that landed between the last loop check and here still needs a send.
      if (this.dirty) this.changed();
    });
  }

  /** Resolves once nothing is waiting to be sent (successfully or given up on). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      for (let attempt = 0; ; attempt++) {
        try {
          await this.send();
          break;
        } catch (error) {
          // A newer state is waiting anyway; sending it is the retry.
          if (this.dirty) break;
          if (attempt >= this.options.retryDelaysMs.length) {
            this.options.onGiveUp(error);
            break;
          }
          await this.sleep(this.options.retryDelaysMs[attempt]!);
        }
      }
    }
  }
}
