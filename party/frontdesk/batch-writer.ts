// Gathers changes for a short while, then stores and announces them together: one write
// and one broadcast per batch instead of per change. A key changed twice before its batch
// goes out is written once, in its newest form. Batches are stored one after another, in
// order, and each caller hears when (or whether) its change was stored.

export interface BatchWriterOptions<V> {
  /** How long changes gather before a batch goes out. */
  delayMs: number;
  /** Persists a batch; a throw fails the callers of that batch, and the next batch still goes out. */
  store(batch: V[]): Promise<void>;
  /** Runs once `store` has succeeded, so nothing is announced that a restart would forget. */
  announce(batch: V[]): void;
  sleep?(ms: number): Promise<void>;
}

export class BatchWriter<K, V> {
  /** Changed but not yet being written. */
  private pending = new Map<K, V>();
  /** The batch being written now (at most one: batches go out in turn). */
  private writing = new Map<K, V>();
  /** Settles once `pending` is stored and announced; null while no batch is gathering. */
  private nextFlush: Promise<void> | null = null;
  /** The newest batch not yet settled, else a resolved promise. */
  private lastFlush: Promise<void> = Promise.resolve();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: BatchWriterOptions<V>) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The newest version not yet stored, gathering or being written: what a new change must be merged against. */
  unstored(key: K): V | undefined {
    return this.pending.get(key) ?? this.writing.get(key);
  }

  gathering(): IterableIterator<V> {
    return this.pending.values();
  }

  set(key: K, value: V): void {
    this.pending.set(key, value);
  }

  /** Drops a gathering change, so the next batch does not write it back. */
  forget(key: K): void {
    this.pending.delete(key);
  }

  /** Settles when every change set before the call has been stored and announced; rejects if its batch failed. */
  flushed(): Promise<void> {
    if (this.pending.size > 0) this.nextFlush ??= this.flushAfterDelay();
    return this.nextFlush ?? this.lastFlush;
  }

  private flushAfterDelay(): Promise<void> {
    const previous = this.lastFlush;
    const flush = (async () => {
      await this.sleep(this.options.delayMs);
      // A failed batch must not stop the ones after it; its own callers hear of the failure.
      await previous.catch(() => {});
      // Changes set while the previous batch was being written still make this one.
      this.nextFlush = null;
      const batch = [...this.pending.values()];
      if (batch.length === 0) return;
      [this.writing, this.pending] = [this.pending, new Map()];
      try {
        await this.options.store(batch);
      } finally {
        this.writing = new Map();
      }
      this.options.announce(batch);
    })();
    this.lastFlush = flush;
    // Also marks a failure as handled here: the callers awaiting this batch still get it.
    const settle = () => {
      if (this.lastFlush === flush) this.lastFlush = Promise.resolve();
    };
    flush.then(settle, settle);
    return flush;
  }
}
