module.exports = { ...require('@shequ/config/jest-preset') };
