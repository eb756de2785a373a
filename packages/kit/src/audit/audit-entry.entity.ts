import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One audited event: a write, or a read of restricted data. Each subgraph
 * keeps its own `audit_log` table in its own schema; the application only
 * ever inserts into it (a trigger refuses UPDATE and DELETE).
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** The token's subject; null for an anonymous caller. */
  @Column({ name: 'actor_sub', type: 'text', nullable: true })
  actorSub: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  /** e.g. "submitServiceRequest" or "read:SupervisedPerson". */
  @Column({ type: 'text' })
  operation: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_ids', type: 'text', array: true })
  targetIds: string[];

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
