/**
 * Everything security adds to the Apollo Server constructor, in one place: CSRF prevention and no
 * batching (both Apollo defaults, stated so nobody turns them off by accident), introspection (and
 * federation's `_service { sdl }`) and schema hints off in production, operation limits, and the scope check.
 */
import type { ApolloServerOptionsWithSchema, ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../graphql/context';
import { operationLimits } from './operation-limits';
import { scopePlugin } from './scope.plugin';
import { NoServiceSdlRule } from './service-sdl.rule';
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
      // `_service { sdl }` is introspection by another name (service-sdl.rule.ts).
      validationRules: security.introspection ? limits.validationRules : [...limits.validationRules, NoServiceSdlRule],
      parseOptions: limits.parseOptions,
    },
    plugins: [scopePlugin(), ...limits.plugins],
  };
}
