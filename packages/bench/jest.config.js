module.exports = { ...require('@shequ/config/jest-preset'), passWithNoTests: false };
