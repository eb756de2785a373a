import type { DataSource } from 'typeorm';
import { Query, Resolver } from 'type-graphql';
import { defineModule, defineSubgraph } from './subgraph-definition';

@Resolver()
class FirstResolver {
  @Query(() => Number)
  first(): number {
    return 1;
  }
}

@Resolver()
class SecondResolver {
  @Query(() => Number)
  second(): number {
    return 2;
  }
}

class Row {}
class Stub {}

const noDatabase = {} as DataSource;

describe('a subgraph defined by its modules', () => {
  const volunteer = defineModule({ name: 'volunteer', entities: [Row], resolvers: [FirstResolver], loaders: () => ({ byId: 'volunteer loader' }) });
  const team = defineModule({ name: 'team', resolvers: [SecondResolver], entityTypes: [Stub], references: { Team: (reference: { id: string }) => reference }, loaders: () => ({ byId: 'team loader' }) });
  const catalogue = defineModule({ name: 'catalogue', resolvers: [SecondResolver] });

  it("gives each module's loaders under its name, so equal loader names cannot overwrite each other", () => {
    const subgraph = defineSubgraph({ name: 'public-safety', migrations: [], modules: [volunteer, team, catalogue] });
    const loaders = subgraph.createLoaders(noDatabase, null);
    expect(loaders).toEqual({ volunteer: { byId: 'volunteer loader' }, team: { byId: 'team loader' } });
    // Typed by module: `loaders.team.byId` is known to the compiler.
    const teamLoader: string = loaders.team.byId;
    expect(teamLoader).toBe('team loader');
  });

  it('gathers entities, resolvers, entity types and references, and names the schema after the subgraph', () => {
    const subgraph = defineSubgraph({ name: 'public-safety', migrations: [], modules: [volunteer, team] });
    expect(subgraph.databaseSchema).toBe('public_safety');
    expect(subgraph.entities).toEqual([Row]);
    expect(subgraph.resolvers).toEqual([FirstResolver, SecondResolver]);
    expect(subgraph.entityTypes).toEqual([Stub]);
    expect(Object.keys(subgraph.references ?? {})).toEqual(['Team']);
  });

  it('refuses two modules of one name, two references to one type, and a subgraph with nothing to serve', () => {
    expect(() => defineSubgraph({ name: 'x', migrations: [], modules: [volunteer, { ...team, name: 'volunteer' }] })).toThrow('two modules declare the module volunteer');
    expect(() => defineSubgraph({ name: 'x', migrations: [], modules: [team, { ...catalogue, references: { Team: (reference: unknown) => reference } }] })).toThrow(
      'two modules declare the reference resolver of Team',
    );
    expect(() => defineSubgraph({ name: 'x', migrations: [], modules: [{ name: 'empty' }] })).toThrow('subgraph x has no resolvers');
  });
});
