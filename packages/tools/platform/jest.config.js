// Tests that need PostgreSQL get a database of their own on a server this jest run starts (or on TEST_DATABASE_URL).
module.exports = {
  ...require('@shequ/config/jest-preset'),
  globalSetup: require.resolve('@shequ/database/testing/global-setup'),
  globalTeardown: require.resolve('@shequ/database/testing/global-teardown'),
};
