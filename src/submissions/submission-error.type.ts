/** Why the last attempt of a submission did not deliver it. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Why the last attempt to deliver a submission did not succeed.' })
export class SubmissionError {
  @Field(() => String, { description: 'An error code, e.g. PROVIDER_REJECTED, PROVIDER_UNAVAILABLE or SUBMISSION_EXPIRED.' })
  code!: string;

  @Field(() => String, { description: 'What went wrong, safe to show (never a credential or personal data).' })
  message!: string;
}
