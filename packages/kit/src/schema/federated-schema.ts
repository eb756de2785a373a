import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isScalarType, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { roleAuthChecker } from '../auth/auth-checker';
import { entityKeyFields, guardedReference, type ReferenceResolver } from './entity-representations';
import { storableInstant } from './storable-instant';
import { takingTurns, weightedRootFields } from './weight';

export type { ReferenceResolver };

/** Every federation directive a subgraph may use; importing unused ones is harmless. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@override", "@cost", "@listSize"])';


export interface FederatedSchemaOptions<Context> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /**
   * Entity types to emit even when no query returns them: a subgraph that
   * only adds fields to Community or Region lists its stubs here.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entityTypes?: Function[];
  /** `__resolveReference` per entity type name; batch through the request's loaders. */
  references?: Record<string, ReferenceResolver<Context>>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL, as committed in the service's schema.graphql and composed. */
  sdl: string;
  /** Each entity type's top-level key fields. */
  keyFields: Map<string, Set<string>>;
}

/**
 * type-graphql builds the types and resolvers; the SDL is printed with its
 * directives (plain printSchema drops @key), linked to Federation 2 and
 * handed to @apollo/subgraph with the same resolvers plus the reference
 * resolvers.
 */
export async function buildFederatedSchema<Context>(options: FederatedSchemaOptions<Context>): Promise<FederatedSchema> {
  const classSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.entityTypes,
    authChecker: roleAuthChecker,
    // Arguments are read in the resolvers by the kit's zod rules (validation/*), which name the argument in
    // a BAD_USER_INPUT; type-graphql's own validation would need class-validator decorators as a second rulebook.
    validate: false,
    // type-graphql would reject the federation directives it does not know.
    skipCheck: true,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(classSchema)}\n`;
  const resolvers = createResolversMap(classSchema) as GraphQLResolverMap<Context>;
  const instant = classSchema.getType('DateTimeISO');
  if (instant && isScalarType(instant)) {
    resolvers.DateTimeISO = storableInstant(instant) as unknown as GraphQLResolverMap<Context>[string];
  }
  const typeDefs = parse(sdl);
  // Weighted root fields take turns within the process (see `Weight`).
  const query = resolvers.Query as Record<string, GraphQLFieldResolver<unknown, unknown>> | undefined;
  if (query) {
    for (const name of weightedRootFields(typeDefs)) {
      query[name] = takingTurns(query[name]);
    }
  }
  const keyFields = entityKeyFields(typeDefs);
  for (const [typeName, fields] of keyFields) {
    const resolveReference = guardedReference(typeName, fields, options.references?.[typeName]);
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference };
  }
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  return { schema, sdl, keyFields };
}
