/**
 * The events of one run in progress, kept so a browser that connects late (or reconnects with
 * `Last-Event-ID`) gets every event from the start, then the live ones. Events are numbered from 1.
 */
export class LiveRun<E> {
  readonly #events: E[] = [];
  readonly #listeners = new Set<() => void>();
  readonly controller = new AbortController();
  #done = false;

  constructor(readonly id: string) {}

  push(event: E): void {
    if (this.#done) return;
    this.#events.push(event);
    this.#wake();
  }

  /** No more events will come; waiting readers finish. */
  end(): void {
    this.#done = true;
    this.#wake();
  }

  get done(): boolean {
    return this.#done;
  }

  get count(): number {
    return this.#events.length;
  }

  /** Every event after `after` (a 1-based event number), as they come, until the run ends or `signal` aborts. */
  async *read(after = 0, signal?: AbortSignal): AsyncGenerator<{ seq: number; event: E }> {
    let next = Math.max(0, after);
    for (;;) {
      while (next < this.#events.length) {
        const event = this.#events[next]!;
        next++;
        yield { seq: next, event };
      }
      if (this.#done || signal?.aborted) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#listeners.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        this.#listeners.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
  }

  #wake(): void {
    for (const l of [...this.#listeners]) l();
  }
}
