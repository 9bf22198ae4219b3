/** Every provider LeadGraph knows. Adding one: a folder under providers/ and one line here. */
import { keyspotModule } from './keyspot';
import type { ProviderModule } from './provider-adapter';
import { tesselysModule } from './tesselys';

export const PROVIDER_MODULES: readonly ProviderModule<any>[] = [keyspotModule, tesselysModule];
