/**
 * A subscription's root field may not carry `@skip` or `@include` (GraphQL spec, "Single root
 * field"; graphql-js 17 validates it, 16 does not): graphql-js 16's `subscribe` throws a TypeError
 * when the directive removes the root field, which graphql-ws turns into a closed socket (1011) and
 * an error log, once per subscribe message. This rule refuses it at validation instead, as a
 * GRAPHQL_VALIDATION_FAILED error for that subscription alone.
 *
 * Checked: the operation's own top-level selections, and those of the fragments spread (or inline)
 * at its top level, however nested.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

const CONDITIONAL = new Set(['skip', 'include']);

export const SubscriptionRootDirectivesRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation !== 'subscription') return;
    const name = node.name ? `Subscription "${node.name.value}"` : 'Anonymous Subscription';
    const seen = new Set<FragmentDefinitionNode>();
    const visit = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        const conditional = selection.directives?.find((directive) => CONDITIONAL.has(directive.name.value));
        if (conditional) {
          context.reportError(
            new GraphQLError(`${name} must not use \`@skip\` or \`@include\` directives in the top level selection.`, {
              nodes: [conditional],
            }),
          );
        }
        if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = context.getFragment(selection.name.value);
          if (fragment && !seen.has(fragment)) {
            seen.add(fragment);
            visit(fragment.selectionSet);
          }
        }
      }
    };
    visit(node.selectionSet);
  },
});
