/** The one line a provider module's connect() needs to get its policy set from the shared deps. */
import type { LeadProvider } from '../../leads/enums/lead-provider.enum';
import type { Logger } from '../../logging/logger';
import type { ProviderDeps } from '../provider-adapter';
import { ProviderPolicy } from './provider-policy';
import { DEFAULT_RESILIENCE_SETTINGS } from './resilience-settings';

export function createProviderPolicy(provider: LeadProvider, deps: ProviderDeps, logger: Logger): ProviderPolicy {
  return new ProviderPolicy(provider, deps.resilience ?? DEFAULT_RESILIENCE_SETTINGS, {
    logger,
    observer: deps.observer,
    now: deps.now,
  });
}
