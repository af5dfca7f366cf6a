/**
 * The core's events (docs/design.md §1: the event names are part of the contract): the core emits,
 * hosts subscribe and carry them on (IPC, Server-Sent Events, CLI output). A listener that throws
 * is logged and never stops the others or the work that emitted.
 */
import type { ReaderEventListener, ReaderEventName, ReaderEvents, ReaderEventSource } from '../shared/contract';
import type { Log } from './log';

export class EventHub implements ReaderEventSource {
  private readonly listeners = new Map<ReaderEventName, Set<(payload: never) => void>>();

  constructor(private readonly log: Log) {}

  on<E extends ReaderEventName>(event: E, listener: ReaderEventListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => void set.delete(entry);
  }

  emit<E extends ReaderEventName>(event: E, payload: ReaderEvents[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as ReaderEventListener<E>)(payload);
      } catch (error) {
        this.log(`A listener of ${event} failed`, error);
      }
    }
  }
}
