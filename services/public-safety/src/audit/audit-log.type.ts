import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '@shequ/kit';

@ObjectType({ description: "One entry of public safety's append-only audit log: a write, or a read of a supervised person's record." })
export class SafetyAuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: "The actor's token subject." })
  actorSub: string | null;

  @Field(() => [String])
  actorRoles: string[];

  @Field({ description: "e.g. 'read:SupervisedPerson', 'reportIncident', 'closeMediationCase:FAILED'." })
  operation: string;

  @Field()
  targetType: string;

  @Field(() => [String])
  targetIds: string[];

  @Field(() => String, { nullable: true })
  requestId: string | null;
}

export const SafetyAuditEntryConnection = ConnectionType('SafetyAuditEntry', SafetyAuditEntry);

@InputType({ description: 'Narrows the audit log; the fields combine with AND.' })
export class SafetyAuditFilter {
  @Field(() => String, { nullable: true, description: 'Exact operation, e.g. read:SupervisedPerson.' })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "Exact actor (the token's sub)." })
  actorSub?: string | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this instant.' })
  to?: Date | null;
}
