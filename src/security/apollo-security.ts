/**
 * Everything security adds to the Apollo Server constructor, in one place: CSRF prevention and no
 * batching (both Apollo defaults, stated so nobody turns them off by accident), introspection (and
 * federation's `_service { sdl }`) and schema hints off in production, and the security pipeline's
 * operation limits and operation check.
 */
import type { ApolloServerOptionsWithSchema, ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/context';
import { scopePlugin } from './scope.plugin';
import type { SecurityConfig } from './security-config';
import type { SecurityPipeline } from './security-pipeline';

type SecurityOptions = Pick<
  ApolloServerOptionsWithSchema<GatewayContext>,
  'introspection' | 'csrfPrevention' | 'allowBatchedHttpRequests' | 'hideSchemaDetailsFromClientErrors' | 'validationRules' | 'parseOptions'
>;

/** Apollo's share of the security pipeline: its rules as options, its operation check as a plugin. */
export function apolloSecurity(
  security: SecurityConfig,
  pipeline: SecurityPipeline,
): { options: SecurityOptions; plugins: ApolloServerPlugin<GatewayContext>[] } {
  return {
    options: {
      introspection: security.introspection,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // No "Did you mean …?" in production: it hands out the schema one field at a time.
      hideSchemaDetailsFromClientErrors: security.production,
      validationRules: [...pipeline.validationRules],
      parseOptions: pipeline.parseOptions,
    },
    plugins: [scopePlugin(pipeline), ...(pipeline.limits?.plugins ?? [])],
  };
}
