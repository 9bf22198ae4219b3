/**
 * Bounds on what one operation may ask, checked before it runs: depth, aliases and directives by
 * graphql-armor, tokens by graphql-js's parser; cost (operation-cost.ts) once variables are known,
 * by the security pipeline. In production the
 * messages say which limit refused the operation but not its value, so a client cannot probe for
 * the largest that passes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import { productionMessagesPlugin } from './production-messages.plugin';
import type { OperationLimits } from './security-config';

export interface OperationLimitProtections {
  plugins: ApolloServerPlugin<any>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

export function operationLimits(limits: OperationLimits, production: boolean): OperationLimitProtections {
  const exposeLimits = !production;
  const armor = new ApolloArmor({
    // Apollo's hideSchemaDetailsFromClientErrors removes suggestions in production (apollo-security.ts).
    blockFieldSuggestion: { enabled: false },
    // Armor's cost rule cannot weigh lists by `first`/`last`; operation-cost.ts does.
    costLimit: { enabled: false },
    maxDepth: { n: limits.maxDepth, exposeLimits, errorMessage: 'Operation rejected: it is nested too deeply.' },
    // Armor lets `__typename` be aliased without limit by default; every alias counts here, as each
    // one is a field the server resolves and serialises.
    maxAliases: { n: limits.maxAliases, exposeLimits, allowList: [], errorMessage: 'Operation rejected: it uses too many aliases.' },
    maxDirectives: { n: limits.maxDirectives, exposeLimits, errorMessage: 'Operation rejected: it uses too many directives.' },
    // Armor's token check throws from a plugin hook, which Apollo answers with a 500; graphql-js's
    // own parser limit fails the parse (400) instead.
    maxTokens: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: [...plugins, ...(production ? [productionMessagesPlugin()] : [])],
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
