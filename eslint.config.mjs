// ESLint flat config: typescript-eslint's recommended rules with type information, Prettier owning
// formatting. `npm run lint` must report zero warnings (CI runs it with --max-warnings 0).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'operations/__generated__/',
      'jest.config.js',
      'web/dist/',
      'web/src/gql/',
      'web/e2e/jest.config.cjs',
      // Two three-line CommonJS stand-ins outside the TypeScript project (vendor/README.md).
      'vendor/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Simulators are written from the providers' docs, never from our clients: importing a client's DTOs
    // would make client and fake agree by construction. Provider simulators may reach only the shared
    // harness in src/simulators; the harness only provider simulators. test/simulators/simulator-imports.test.ts
    // checks the same on resolved paths (re-exports and dynamic imports included).
    files: ['src/providers/*/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./\\.\\./simulators/)',
              message: 'A simulator follows the provider docs: import only from its own simulator/ folder or src/simulators.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/simulators/**/*.ts'],
    // main.ts is the `npm run simulate` launcher: it wires the provider registry, it simulates nothing.
    ignores: ['src/simulators/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!providers/[^/]+/simulator/)',
              message: 'The simulator harness must not depend on client code: only provider simulator/ folders.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
