import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SafetyStatsFigures, ServiceStatsFigures, VolunteerStatsFigures } from '../assessment/department-stats.type';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@shequ/kit';

export const REGION_LEVELS = ['PROVINCE', 'PREFECTURE', 'COUNTY', 'STREET'] as const;
export const RegionLevelEnum = Object.fromEntries(REGION_LEVELS.map((level) => [level, level])) as {
  [Level in RegionLevel]: Level;
};
registerEnumType(RegionLevelEnum, {
  name: 'RegionLevel',
  description: 'Province (6-digit code ending 0000), prefecture (ending 00), county (6 digits), street or township (9 digits).',
});

/** A division of the province, keyed by its statistical division code. */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A division of Gansu province: the province, a prefecture, a county, or a street / township.' })
@Entity({ name: 'region' })
export class Region {
  @Field({ description: 'Statistical division code: 6 digits (620000, 620100, 620102) or 9 for a street (620102001).' })
  @PrimaryColumn({ type: 'varchar', length: 9, collation: 'C' })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => RegionLevelEnum)
  @Column({ type: 'text' })
  level: RegionLevel;

  @Column({ name: 'parent_code', type: 'varchar', length: 9, collation: 'C', nullable: true })
  parentCode: string | null;

  @Field(() => Int, {
    description: 'Residents: the 2020 census figure for the province and prefectures, the sum of its communities below them.',
  })
  @Column({ type: 'integer' })
  population: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  households: number;

  @Field({ description: 'True for divisions the demo data invented; the province and its 14 prefectures are real.' })
  @Column({ type: 'boolean', default: false })
  synthetic: boolean;

  // Owned by the other departments; declared here only so the assessment can @require them.
  @Directive('@external')
  @Field(() => ServiceStatsFigures, { nullable: true })
  serviceStats?: ServiceStatsFigures;

  @Directive('@external')
  @Field(() => VolunteerStatsFigures, { nullable: true })
  volunteerStats?: VolunteerStatsFigures;

  @Directive('@external')
  @Field(() => SafetyStatsFigures, { nullable: true })
  safetyStats?: SafetyStatsFigures;
}
