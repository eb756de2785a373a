import { Field, InputType, registerEnumType } from 'type-graphql';
import { assertRegionCode, badUserInput } from '@shequ/kit';
import { Tier } from './community.entity';

export enum CommunitySort {
  CODE = 'CODE',
  NAME = 'NAME',
  POPULATION_DESC = 'POPULATION_DESC',
}
registerEnumType(CommunitySort, { name: 'CommunitySort', description: 'Order of a community list; CODE by default.' });

@InputType({ description: 'Narrows a list of communities; every field is optional and they combine with AND.' })
export class CommunityFilter {
  @Field(() => String, { nullable: true, description: 'Only communities within this region (a 6- or 9-digit code).' })
  regionCode?: string | null;

  @Field(() => Tier, { nullable: true })
  tier?: Tier | null;

  @Field(() => String, { nullable: true, description: 'Only communities whose name contains this text.' })
  nameContains?: string | null;
}

/** A filter checked and reduced to what the SQL needs. */
export interface CommunityCriteria {
  tier: Tier | null;
  nameContains: string | null;
  sort: CommunitySort;
}

const MAX_NAME_FILTER_LENGTH = 100;

export function readCommunityCriteria(filter: CommunityFilter | null | undefined, sort: CommunitySort | null | undefined): CommunityCriteria {
  if (filter?.regionCode != null) {
    assertRegionCode(filter.regionCode, 'filter.regionCode');
  }
  const nameContains = filter?.nameContains?.trim() || null;
  if (nameContains && nameContains.length > MAX_NAME_FILTER_LENGTH) {
    throw badUserInput('filter.nameContains', `at most ${MAX_NAME_FILTER_LENGTH} characters`);
  }
  return { tier: filter?.tier ?? null, nameContains, sort: sort ?? CommunitySort.CODE };
}
