/**
 * Tesselys, except that listing throws what a bug would throw (a plain Error such as a TypeError,
 * never a ProviderError): for tests of how the gateway masks and logs unexpected errors.
 */
import type { LeadProviderAdapter, ProviderModule } from '../../src/providers/provider-adapter';
import { tesselysModule } from '../../src/providers/tesselys';

export function tesselysWhoseListThrows(error: () => Error): ProviderModule<any> {
  return {
    ...tesselysModule,
    connect(config, deps, options) {
      const connection = tesselysModule.connect(config, deps, options);
      return {
        ...connection,
        forRequest(scope) {
          const broken: LeadProviderAdapter = Object.create(connection.forRequest(scope));
          broken.listLeads = async () => {
            throw error();
          };
          return broken;
        },
      };
    },
  };
}
