// The drill starts its own embedded PostgreSQL in the process it runs in; no test database is needed.
module.exports = require('@shequ/config/jest-preset');
