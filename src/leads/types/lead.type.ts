/**
 * The unified Lead: one shape for every provider. Provider-specific fields are nullable and say
 * which provider fills them; `raw` keeps the payload as received so nothing is ever lost.
 * It is also a federation entity: other subgraphs may reference a lead by its global id.
 */
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LeadPriority } from '../enums/lead-priority.enum';
import { LeadProvider } from '../enums/lead-provider.enum';
import { LeadSource } from '../enums/lead-source.enum';
import { LeadStatus } from '../enums/lead-status.enum';
import { LeadContact } from './lead-contact.type';
import { LeadProperty } from './lead-property.type';
import { Node } from './node.interface';

// Federation: other subgraphs may reference a lead by its global id (resolved by lead.reference.ts).
@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A lead from any provider, in one unified shape.',
})
export class Lead implements Node {
  @Field(() => ID, { description: 'Global id, "<provider>:<providerLeadId>" (e.g. "tesselys:clx7f8g9..."). Treat it as opaque.' })
  id!: string;

  @Field(() => LeadProvider, { description: 'The provider the lead lives in.' })
  provider!: LeadProvider;

  @Field(() => String, { description: "The provider's own id for the lead." })
  providerLeadId!: string;

  @Field(() => String, { nullable: true, description: 'TESSELYS: the title. KEYSPOT: null.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'TESSELYS: the description. KEYSPOT: the message.' })
  description!: string | null;

  @Field(() => LeadContact, { description: 'The person behind the lead.' })
  contact!: LeadContact;

  @Field(() => LeadStatus, { description: 'The status; UNKNOWN when the provider sent a value LeadGraph does not know yet.' })
  status!: LeadStatus;

  @Field(() => String, { description: "The provider's own spelling of the status, even when `status` is UNKNOWN." })
  providerStatus!: string;

  @Field(() => LeadSource, { nullable: true, description: 'Where the lead came from (KEYSPOT source; TESSELYS sourceChannel).' })
  source!: LeadSource | null;

  @Field(() => LeadPriority, { nullable: true, description: 'KEYSPOT only: the priority.' })
  priority!: LeadPriority | null;

  @Field(() => [String], { description: 'TESSELYS: free tags. KEYSPOT: always empty.' })
  tags!: string[];

  @Field(() => Boolean, { nullable: true, description: 'TESSELYS only: whether the lead is active.' })
  isActive!: boolean | null;

  @Field(() => LeadProperty, { nullable: true, description: 'KEYSPOT: the property of interest, when there is one.' })
  property!: LeadProperty | null;

  @Field(() => String, { nullable: true, description: 'KEYSPOT: traffic origin (UTM, campaign), when the provider returns it.' })
  trafficOrigin!: string | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When the lead was created (UTC).' })
  createdAt!: Date;

  @Field(() => GraphQLDateTimeISO, { description: 'When the lead was last updated (UTC).' })
  updatedAt!: Date;

  @Field(() => GraphQLJSONObject, { description: "The provider's payload exactly as received." })
  raw!: Record<string, unknown>;
}
