// TypeORM and type-graphql read decorator metadata at run time: swc drops it
// unless all three decorator switches below are on.
const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  // Each test file owns a database; files run in parallel against one server. Tests measure no time: the
  // limit only ends a hung test, with room for a busy 2-core machine (the authorisation matrix walks
  // thousands of requests and took 36 s while other work shared the machine).
  testTimeout: 180000,
};
