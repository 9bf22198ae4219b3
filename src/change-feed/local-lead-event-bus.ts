/** The in-process bus: one process, no network; what a gateway without REDIS_URL runs. */
import type { Logger } from '../logging/logger';
import type { FeedEvent } from './feed-event';
import type { FeedEventHandler, LeadEventBus } from './lead-event-bus';

export class LocalLeadEventBus implements LeadEventBus {
  readonly shared: boolean = false;
  private readonly handlers = new Set<FeedEventHandler>();

  constructor(private readonly logger: Logger) {}

  publish(event: FeedEvent): void {
    this.deliver(event);
  }

  subscribe(handler: FeedEventHandler): () => void {
    this.handlers.add(handler);
    return () => void this.handlers.delete(handler);
  }

  /** Hands an event to every handler; one handler's failure never stops the others. */
  deliver(event: FeedEvent): void {
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch (error) {
        this.logger.error({ err: error, eventType: event.type }, 'change feed handler failed');
      }
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
