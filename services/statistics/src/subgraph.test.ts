import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFederatedSchema } from '@shequ/kit';
import { statisticsSubgraph } from './subgraph';

describe('the committed schema.graphql', () => {
  it('is what the resolvers emit (run `pnpm build` when this fails)', async () => {
    const { sdl } = await buildFederatedSchema(statisticsSubgraph);
    expect(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8')).toBe(sdl);
  });
});
