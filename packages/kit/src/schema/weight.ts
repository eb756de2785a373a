import { Directive } from 'type-graphql';

/**
 * Declares the work behind a field whose cost does not follow its rows on
 * the page — a roll-up, a ranking, a trend — as federation's
 * `@cost(weight:)`, which composition carries into the supergraph and the
 * gateway's cost estimate reads. The unit is about 0.1 ms of the subgraph's
 * work for the whole province over one year, as measured at province scale
 * (`pnpm bench`); the gateway scales it to the region the field covers and
 * the span it reads (gateway/src/limits/scope.ts). Put the same weight on a
 * figure's Community and Region fields: at one community it comes to 1.
 */
export function Weight(units: number): MethodDecorator & PropertyDecorator {
  if (!Number.isInteger(units) || units < 1) {
    throw new Error(`a weight is a whole number of units, at least 1 (got ${units})`);
  }
  return Directive(`@cost(weight: ${units})`);
}
