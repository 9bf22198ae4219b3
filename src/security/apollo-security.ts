/**
 * Everything security adds to the Apollo Server constructor, in one place: CSRF prevention and no
 * batching (both Apollo defaults, stated so nobody turns them off by accident), introspection and
 * schema hints off in production, operation limits, and the scope check.
 */
import type { ApolloServerOptionsWithSchema, ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/context';
import { operationLimits } from './operation-limits';
import { scopePlugin } from './scope.plugin';
import type { SecurityConfig } from './security-config';

type SecurityOptions = Pick<
  ApolloServerOptionsWithSchema<GatewayContext>,
  'introspection' | 'csrfPrevention' | 'allowBatchedHttpRequests' | 'hideSchemaDetailsFromClientErrors' | 'validationRules' | 'parseOptions'
>;

export function apolloSecurity(security: SecurityConfig): { options: SecurityOptions; plugins: ApolloServerPlugin<GatewayContext>[] } {
  const limits = operationLimits(security.limits, security.production);
  return {
    options: {
      introspection: security.introspection,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      // No "Did you mean …?" in production: it hands out the schema one field at a time.
      hideSchemaDetailsFromClientErrors: security.production,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
    },
    plugins: [scopePlugin(), ...limits.plugins],
  };
}
