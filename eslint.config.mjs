// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only']",
          message: 'Focused tests silence the rest of the suite.',
        },
      ],
    },
  },
  {
    // Other capabilities only through their public index.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@samen/*/*', '!@samen/ledger-kernel/testing'],
              message: 'Import a capability through its index: @samen/<name>.',
            },
          ],
        },
      ],
    },
  },
  {
    // The views' worker thread must start fast: what it loads takes the framework-free entry
    // points instead (the indexes bring NestJS and the KurrentDB client along).
    files: ['libs/views/src/runner/view-lane.worker.ts', 'libs/views/src/presence/presence.projection.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@samen/*/*', '!@samen/event-store/embedded', '!@samen/attendance/domain'],
              message: 'Import a capability through its index: @samen/<name>.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is plain TypeScript: no framework, no streams, no validation decorators.
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'rxjs', 'rxjs/*', 'class-validator', 'class-transformer'],
              message: 'The domain is plain TypeScript.',
            },
            {
              group: ['@samen/*/*', '!@samen/ledger-kernel/testing'],
              message: 'Import a capability through its index: @samen/<name>.',
            },
          ],
        },
      ],
    },
  },
);
