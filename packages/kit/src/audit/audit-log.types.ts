import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection';

/*
 * Every subgraph serves its own audit log under its own root field, but the
 * entries have one shape: these types are declared once here, identically in
 * every subgraph, and marked @shareable so that they compose.
 */

@Directive('@shareable')
@ObjectType({ description: "One entry of a subgraph's append-only audit log: a write, or a read of restricted data." })
export class AuditLogEntry {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: "The actor's token subject; null for an anonymous caller." })
  actorSub: string | null;

  @Field(() => [String])
  actorRoles: string[];

  @Field({ description: "A write's mutation, by its field name ('submitServiceRequest', 'approvePlan'), or a restricted read ('read:SupervisedPerson')." })
  operation: string;

  @Field()
  targetType: string;

  @Field(() => [String])
  targetIds: string[];

  @Field(() => String, { nullable: true, description: 'The request id (x-request-id) the entry was written under.' })
  requestId: string | null;
}

export const AuditLogEntryConnection = ConnectionType('AuditLogEntry', AuditLogEntry, { shareable: true });

@InputType({ description: 'Narrows an audit log; the fields combine with AND.' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Exact operation, e.g. read:SupervisedPerson.' })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "Exact actor (the token's sub)." })
  actorSub?: string | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries before this instant.' })
  to?: Date | null;
}
