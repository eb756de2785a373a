import { Kind, type DocumentNode, type GraphQLFieldResolver, type ObjectTypeDefinitionNode } from 'graphql';
import { Directive } from 'type-graphql';
import { graphqlError } from '../errors/graphql-errors';
import { callerGoneSignal } from '../server/caller-scope';

/** One at a time, first come first served. */
class Turns {
  private taken = false;
  private readonly waiting: (() => void)[] = [];

  async take(): Promise<() => void> {
    if (this.taken) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.taken = true;
    return () => {
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.taken = false;
      }
    };
  }
}

/**
 * Heavy root fields (a ranking, a trend) of this process take turns: the
 * aliases of one operation, and several callers' operations, run their SQL
 * one after another rather than all at once, so that heavy work holds one
 * core and the light requests of everyone else keep the others. A request
 * whose caller has gone while it waited does not start.
 */
const heavyRootFields = new Turns();

/**
 * A weighted root field's resolver, made to take its turn (above). Applied
 * by the kit when it assembles the schema (`buildFederatedSchema`), to the
 * root fields the SDL gives a `@cost`: wrapped there, rather than as a
 * type-graphql middleware of `@Weight`, so the weighted fields of entities
 * (a figure of each of fifty communities) do not each pay a middleware
 * chain only to be let through.
 */
export function takingTurns(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return async (...args) => {
    const release = await heavyRootFields.take();
    try {
      if (callerGoneSignal()?.aborted) {
        throw graphqlError('TIMEOUT', 'The caller went before the answer was ready');
      }
      return await resolve(...args);
    } finally {
      release();
    }
  };
}

/** The root query fields an SDL gives a `@cost` (see `Weight`). */
export function weightedRootFields(sdl: DocumentNode): string[] {
  return sdl.definitions
    .filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query')
    .flatMap((query) => query.fields ?? [])
    .filter((field) => field.directives?.some((directive) => directive.name.value === 'cost'))
    .map((field) => field.name.value);
}

/**
 * Declares the work behind a field whose cost does not follow its rows on
 * the page — a roll-up, a ranking, a trend — as federation's
 * `@cost(weight:)`, which composition carries into the supergraph and the
 * gateway's cost estimate reads. The unit is about 0.1 ms of the subgraph's
 * work for the whole province over one year, as measured at province scale
 * (`pnpm bench`); the gateway scales it to the region the field covers and
 * the span it reads (gateway/src/limits/scope.ts). Put the same weight on a
 * figure's Community and Region fields: at one community it comes to 1.
 * Root fields so weighted also take turns within the process (above).
 */
export function Weight(units: number): MethodDecorator & PropertyDecorator {
  if (!Number.isInteger(units) || units < 1) {
    throw new Error(`a weight is a whole number of units, at least 1 (got ${units})`);
  }
  return Directive(`@cost(weight: ${units})`);
}
