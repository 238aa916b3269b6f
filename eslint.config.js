import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const RUNTIME_NEUTRAL = 'src/ must run on every runtime; load node:crypto through src/crypto/node.ts';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'reports/**',
      'docs/api/**',
      '.stryker-tmp/**',
      'examples/**/.next/**',
      'examples/**/next-env.d.ts',
      'examples/nextjs-e2e-build/**',
      '**/node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Node's own modules are allowed only outside src/: the core must load on every runtime.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/dedupe/redis*/**', 'src/adapters/express/**', 'src/adapters/fastify/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['node:*'], message: RUNTIME_NEUTRAL }],
          // Bare names ('crypto', 'stream') are the same modules; exact names, so './events' stays allowed.
          paths: builtinModules.map((name) => ({ name, message: RUNTIME_NEUTRAL })),
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // Run unchanged on Node, Bun, Deno (and workerd, the suite): the globals they share, and theirs.
    files: ['test/runtimes/suite/**/*.mjs', 'bench/web-crypto-floor.mjs', 'bench/subtle-floor.mjs'],
    languageOptions: {
      globals: {
        atob: 'readonly', fetch: 'readonly', Headers: 'readonly', Request: 'readonly', Response: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', DataView: 'readonly', AbortSignal: 'readonly',
        crypto: 'readonly', performance: 'readonly', Bun: 'readonly', Deno: 'readonly',
      },
    },
  },
);
