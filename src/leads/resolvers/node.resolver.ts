/** Relay's `node(id:)` entry point: dispatches on the id's kind (node-kinds.ts). */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../graphql/context';
import { Node } from '../types/node.interface';
import { lookupNode } from './node-kinds';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id (Relay); null when it does not exist.' })
  node(
    @Arg('id', () => ID, { description: 'A global id, e.g. a lead id "tesselys:clx7f8g9h0i1j2k3l4m5n6o7".' }) id: string,
    @Ctx() context: GatewayContext,
  ): Promise<Node | null> {
    return lookupNode(id, context);
  }
}
