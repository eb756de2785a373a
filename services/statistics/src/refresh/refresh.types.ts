import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One refresh of the statistics store from the department feeds.' })
export class StatisticsRefresh {
  @Field(() => Date)
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'null while it runs (or if it stopped).' })
  finishedAt: Date | null;

  @Field({ description: 'Every month collected again, not only changed ones.' })
  full: boolean;

  @Field(() => Int, { description: "Department months collected (changed fingerprints, or all with full)." })
  monthsCollected: number;

  @Field(() => Int)
  rowsWritten: number;

  @Field(() => [String], { description: 'The departments whose feeds were read in full.' })
  departments: string[];
}

@ObjectType({ description: 'How fresh the statistics store is.' })
export class StatisticsStatus {
  @Field(() => Date, { nullable: true, description: 'When the last refresh finished; null if never.' })
  asOf: Date | null;

  @Field({ description: 'A refresh is running now.' })
  refreshing: boolean;

  @Field(() => StatisticsRefresh, { nullable: true })
  lastRefresh: StatisticsRefresh | null;
}
