module.exports = require('@shequ/config/eslint.config');
