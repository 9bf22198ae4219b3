/** How `leads` is ordered. */
import { Field, InputType } from 'type-graphql';
import { LeadOrderField, OrderDirection } from '../enums/lead-order.enums';

@InputType({ description: 'The order of `leads`.' })
export class LeadOrder {
  @Field(() => LeadOrderField, { defaultValue: LeadOrderField.CREATED_AT, description: 'The field to order by.' })
  field!: LeadOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'The direction.' })
  direction!: OrderDirection;
}
