/**
 * Federation's `_service { sdl }` hands out the whole schema, which is exactly what turning
 * introspection off hides: Apollo's `introspection: false` only refuses `__schema` and `__type`.
 * This rule refuses `_service` on the same terms, so a production gateway does not publish its SDL
 * unless INTROSPECTION=true. A router composing from it then needs INTROSPECTION=true, or composes
 * from the committed schema.subgraph.graphql.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';

const SERVICE_FIELD = '_service';

export const NoServiceSdlRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Field(node) {
    if (node.name.value !== SERVICE_FIELD) return;
    if (context.getParentType() !== context.getSchema().getQueryType()) return;
    context.reportError(new GraphQLError('The subgraph schema (_service) is not available: introspection is disabled.', { nodes: [node] }));
  },
});
