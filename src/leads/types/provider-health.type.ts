/** How LeadGraph currently sees a configured provider's health (its circuit breaker). */
import { Field, Int, ObjectType } from 'type-graphql';
import { CircuitState } from '../enums/circuit-state.enum';

@ObjectType({
  simpleResolvers: true,
  description: "LeadGraph's view of a configured provider's health.",
})
export class ProviderHealth {
  @Field(() => CircuitState, { description: "The provider's circuit breaker state." })
  circuit!: CircuitState;

  @Field(() => Int, {
    description:
      'Failed upstream calls (5xx, timeouts, unreachable) since its last success; the circuit opens at the configured threshold.',
  })
  consecutiveFailures!: number;
}
