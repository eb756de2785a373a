// Every test file gets its own database on a PostgreSQL this jest run starts (or on TEST_DATABASE_URL).
module.exports = {
  ...require('@shequ/config/jest-preset'),
  setupFiles: ['reflect-metadata'],
  globalSetup: require.resolve('@shequ/database/testing/global-setup'),
  globalTeardown: require.resolve('@shequ/database/testing/global-teardown'),
};
