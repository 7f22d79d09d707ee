// ESLint for the start-up script (static/start.js), run by scripts/test's
// "start.js" gate: recommended rules, browser globals, and nothing newer
// than the engines it must run in to say "cannot start" (ES2017 syntax and
// built-ins: Safari 11.1-14, Chrome 63-84, Firefox 67-78), dynamic import()
// aside (those engines have it; the module it loads needs more).
import js from '@eslint/js';
import esx from 'eslint-plugin-es-x';
import globals from 'globals';

export default [
  js.configs.recommended,
  esx.configs['flat/restrict-to-es2017'],
  {
    files: ['**/*.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      'es-x/no-dynamic-import': 'off',
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
    },
  },
];
