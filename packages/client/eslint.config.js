// The client preset's output is generated at build time, not written here.
module.exports = [...require('@shequ/config/eslint.config'), { ignores: ['src/generated/**'] }];
