/**
 * A logger whose lines name the provider exactly once. Provider modules already hand their clients
 * a child logger bound to the provider; adding `provider` again on each line made pino write the
 * key twice, which log stores reject or resolve arbitrarily.
 */
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { Logger } from '../../logging/logger';

export function providerLogger(logger: Logger, provider: LeadProvider): Logger {
  return 'provider' in logger.bindings() ? logger : logger.child({ provider });
}
