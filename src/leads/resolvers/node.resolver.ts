/** Relay's `node(id:)` entry point; leads are today's only nodes. */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../graphql/context';
import { Node } from '../types/node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id (Relay); null when it does not exist.' })
  node(
    @Arg('id', () => ID, { description: 'A global id, e.g. a lead id "tesselys:clx7f8g9h0i1j2k3l4m5n6o7".' }) id: string,
    @Ctx() { leads }: GatewayContext,
  ) {
    return leads.lead(id);
  }
}
