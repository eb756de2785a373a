import { welcomeMessage } from './welcome';

const URL = 'http://localhost:4000/graphql';

describe('the start banner', () => {
  it('suggests a development token in development', () => {
    expect(welcomeMessage(URL, 'development')).toContain('pnpm -s token --role analyst');
  });

  it.each(['production', 'test'] as const)('suggests no development token and no IDE when NODE_ENV=%s', (mode) => {
    const banner = welcomeMessage(URL, mode);
    expect(banner).not.toMatch(/pnpm -s token|development token|GraphQL IDE/);
    expect(banner).toContain(`NODE_ENV=${mode}`);
    expect(banner).toContain(URL);
  });
});
