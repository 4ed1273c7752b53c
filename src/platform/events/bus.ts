/**
 * Domain events between parts of the system and, in scale-out, between processes. Handlers get events from
 * every process, including their own; payloads are JSON.
 */
export interface DomainEvent {
  topic: string;
  payload: Record<string, unknown>;
}

export type EventHandler = (event: DomainEvent) => void;

export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  /** `topic` may end with `.*` to receive a whole family (`meeting.*`). */
  subscribe(topic: string, handler: EventHandler): () => void;
  close(): Promise<void>;
}

export function topicMatches(pattern: string, topic: string): boolean {
  return pattern.endsWith('.*') ? topic.startsWith(pattern.slice(0, -1)) : pattern === topic;
}

/** Local fan-out shared by every bus implementation. */
export class HandlerSet {
  private readonly handlers = new Set<{ pattern: string; handler: EventHandler }>();

  add(pattern: string, handler: EventHandler): () => void {
    const entry = { pattern, handler };
    this.handlers.add(entry);
    return () => this.handlers.delete(entry);
  }

  dispatch(event: DomainEvent): void {
    for (const { pattern, handler } of this.handlers) {
      if (!topicMatches(pattern, event.topic)) continue;
      try {
        handler(event);
      } catch {
        // A failing subscriber must not stop the others; subscribers log their own errors.
      }
    }
  }
}

export class MemoryEventBus implements EventBus {
  private readonly handlers = new HandlerSet();

  async publish(event: DomainEvent): Promise<void> {
    this.handlers.dispatch(event);
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    return this.handlers.add(topic, handler);
  }

  async close(): Promise<void> {}
}
