// Every test file gets its own database on a PostgreSQL this jest run starts (or on TEST_DATABASE_URL).
module.exports = {
  ...require('@shequ/config/jest-preset'),
  globalSetup: '<rootDir>/dist/testing/global-setup.js',
  globalTeardown: '<rootDir>/dist/testing/global-teardown.js',
};
