import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** "One community, one officer": a police officer assigned to a community, from `since` until reassigned. */
@ObjectType({ description: "A community's police liaison officer (社区民警). The current one has no `until`." })
@Entity({ name: 'police_liaison' })
export class PoliceLiaison {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ name: 'community_code', type: 'varchar', length: 12, collation: 'C' })
  communityCode: string;

  @Field({ description: "The officer's name; posted on the community's notice board, so it is public." })
  @Column({ name: 'officer_name', type: 'text' })
  officerName: string;

  /** Masked in the resolver unless the policy lets the viewer call the officer. */
  @Column({ name: 'officer_phone', type: 'text' })
  officerPhone: string;

  @Field({ description: 'The police station the officer belongs to.' })
  @Column({ type: 'text' })
  station: string;

  @Field({ description: 'YYYY-MM-DD.' })
  @Column({ type: 'date' })
  since: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while the assignment is current.' })
  @Column({ type: 'date', nullable: true })
  until: string | null;
}
