import { Field, InputType, Int } from 'type-graphql';
import { DemonstrationLevel } from './demonstration-unit.entity';

@InputType()
export class DesignateDemonstrationUnitInput {
  @Field({ description: 'A community (12 digits) or street (9 digits).' })
  code: string;

  @Field(() => DemonstrationLevel)
  level: DemonstrationLevel;

  @Field(() => Int)
  year: number;

  @Field()
  practice: string;
}

@InputType()
export class DemonstrationUnitFilter {
  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => DemonstrationLevel, { nullable: true })
  level?: DemonstrationLevel | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}
