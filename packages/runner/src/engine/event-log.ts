/**
 * Events in order, replayable: every iterator starts from the first event and waits for the next,
 * so a front end that subscribes late (or twice) misses nothing. Ends after `close()`.
 */
export class EventLog<T> implements AsyncIterable<T> {
  readonly #events: T[] = [];
  #closed = false;
  #wake: (() => void)[] = [];

  push(event: T): void {
    if (this.#closed) return;
    this.#events.push(event);
    this.#notify();
  }

  close(): void {
    this.#closed = true;
    this.#notify();
  }

  #notify(): void {
    const waiting = this.#wake;
    this.#wake = [];
    for (const wake of waiting) wake();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let next = 0;
    for (;;) {
      while (next < this.#events.length) yield this.#events[next++] as T;
      if (this.#closed) return;
      await new Promise<void>((resolve) => this.#wake.push(resolve));
    }
  }
}
