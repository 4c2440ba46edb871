// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** The capabilities whose index brings their Nest module along; `/domain` is their plain part. */
const CAPABILITY_INDEXES = [
  '@samen/structure',
  '@samen/roles',
  '@samen/attendance',
  '@samen/commitments',
  '@samen/money',
  '@samen/reflections',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '*.js', '*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // Plain Node scripts (CommonJS), run before anything is built.
    files: ['scripts/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
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
              group: ['@samen/*/*', '!@samen/*/testing', '!@samen/*/domain'],
              message:
                'Import a capability through its index, @samen/<name>, or its plain domain, @samen/<name>/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    // The views' worker thread must start fast: what it loads takes the framework-free entry
    // points (a capability's index brings NestJS along, the store's the KurrentDB client).
    files: ['libs/views/src/**/*.ts'],
    ignores: ['libs/views/src/**/*.controller.ts', 'libs/views/src/views.module.ts', 'libs/views/src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@samen/*/*', '!@samen/*/testing', '!@samen/*/domain', '!@samen/event-store/embedded'],
              message:
                'Import a capability through its index, @samen/<name>, or its plain domain, @samen/<name>/domain.',
            },
          ],
          paths: CAPABILITY_INDEXES.map((name) => ({
            name,
            message: 'The views take a capability through its plain domain: @samen/<name>/domain.',
          })),
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
              group: ['@samen/*/*', '!@samen/*/testing', '!@samen/*/domain'],
              message: "Another capability's domain is imported through @samen/<name>/domain.",
            },
          ],
          paths: CAPABILITY_INDEXES.map((name) => ({
            name,
            message: "Another capability's domain is imported through @samen/<name>/domain, without its Nest module.",
          })),
        },
      ],
    },
  },
);
