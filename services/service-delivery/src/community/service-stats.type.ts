import { Field, Float, Int, ObjectType } from 'type-graphql';
import { perThousand } from '@shequ/kit';
import { ServiceFacilityKind } from '../facilities/service-facility.entity';

@ObjectType({ description: 'How many facilities of one kind.' })
export class ServiceFacilityKindCount {
  @Field(() => ServiceFacilityKind)
  kind: ServiceFacilityKind;

  @Field(() => Int)
  count: number;
}

/** The figures of one community or region, as the stats SQL returns them (before the per-resident rate). */
export interface ServiceFigures {
  facilityCount: number;
  facilitiesByKind: ServiceFacilityKindCount[];
  welfareFacilities: number;
  openRequests: number;
  requestsLast12Months: number;
  resolvedWithin15DaysRate: number | null;
  medianDaysToResolve: number | null;
  averageSatisfaction: number | null;
  investmentThisYear: number;
}

@ObjectType({
  description:
    'Service delivery in a community or a region, with the same meaning at every level: a region counts every community its code prefixes. ' +
    'Facilities count when OPERATING or SUSPENDED; the "last 12 months" are the 12 months up to now.',
})
export class ServiceStats implements ServiceFigures {
  @Field(() => Int, { description: 'Facilities that are not closed.' })
  facilityCount: number;

  @Field(() => [ServiceFacilityKindCount], { description: 'Facilities that are not closed, by kind; kinds with none are left out. Most numerous first.' })
  facilitiesByKind: ServiceFacilityKindCount[];

  @Field(() => Int, { description: 'Elderly care, disability services and child welfare facilities that are not closed.' })
  welfareFacilities: number;

  @Field(() => Float, { nullable: true, description: 'welfareFacilities per 1,000 residents (population from governance); null when the population is 0.' })
  welfareFacilitiesPer1000Residents: number | null;

  @Field(() => Int, { description: 'Requests not yet RESOLVED, CLOSED or REJECTED.' })
  openRequests: number;

  @Field(() => Int, { description: 'Requests submitted in the last 12 months.' })
  requestsLast12Months: number;

  @Field(() => Float, { nullable: true, description: 'Of the requests resolved in the last 12 months, the share resolved within 15 days of submission (0–1); null when none.' })
  resolvedWithin15DaysRate: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days from submission to resolution of the requests resolved in the last 12 months; null when none.' })
  medianDaysToResolve: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean satisfaction (1–5) of the rated requests resolved in the last 12 months; null when none is rated.' })
  averageSatisfaction: number | null;

  @Field(() => Float, { description: 'Yuan invested in community services in the current calendar year (China time), all sources.' })
  investmentThisYear: number;
}

/** Adds the per-resident rate, which needs governance's population (arriving through @requires). */
export function withPopulation(figures: ServiceFigures, population: number | null | undefined): ServiceStats {
  const welfareFacilitiesPer1000Residents = perThousand(figures.welfareFacilities, population);
  return { ...figures, welfareFacilitiesPer1000Residents };
}
