import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.js';
import sqlTableOwnership from './eslint-rules/sql-table-ownership.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.spareflow/**',
      'coverage/**',
      'test-results/**',
      'drizzle/**',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    // Configuration is parsed once (src/config); nothing else in the product reads process.env.
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration from AppConfig (src/config), not process.env.',
        },
      ],
    },
  },
  {
    // Modules use each other only through their public surface (src/modules/<name>/index.ts);
    // platform code uses no module. Tests may reach into the module they test.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: {
      spareflow: {
        rules: { 'module-boundaries': moduleBoundaries, 'sql-table-ownership': sqlTableOwnership },
      },
    },
    rules: { 'spareflow/module-boundaries': 'error', 'spareflow/sql-table-ownership': 'error' },
  },
  {
    files: ['bin/**', 'scripts/**', 'bench/**', '.ci/**', 'eslint-rules/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
      },
    },
    rules: { 'no-console': 'off' },
  },
  {
    // The web app: React's rules of hooks, browser globals; console output is a defect there too
    // (the browser journeys fail on any console error).
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        fetch: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        Headers: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
