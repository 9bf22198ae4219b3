/**
 * Production error messages that would otherwise hand out the schema or a limit: "Did you mean …?"
 * suggestions that Apollo's hideSchemaDetailsFromClientErrors leaves in (it only cleans validation
 * errors; variable coercion errors suggest enum values too), and graphql-js's token-limit message,
 * which names the limit.
 */
import type { ApolloServerPlugin } from '@apollo/server';

const SUGGESTION = / ?Did you mean [^?]*\?/g;
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) \d+ tokens\. Parsing aborted\.$/;

export function hideDetails(message: string): string {
  if (TOKEN_LIMIT.test(message)) return 'Syntax Error: Operation rejected: it is too long.';
  return message.replace(SUGGESTION, '');
}

export function productionMessagesPlugin(): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = hideDetails(error.message);
        },
      };
    },
  };
}
