const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      curly: ['error', 'all'],
      'no-process-env': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Configuration is read once per process, in its environment file; tests may set it up.
    files: ['**/environment.ts', '**/*.test.ts', '**/testing/**', '**/*.cli.ts'],
    rules: { 'no-process-env': 'off' },
  },
);
