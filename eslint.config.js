import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Lint for mistakes the type check lets through, not for style: a promise nobody awaits or
 * catches (an unhandled rejection, a 500 without a request id, a test that passes before its
 * assertion ran) and a promise where a void callback is expected (an async event handler whose
 * failure disappears). Typed rules, so they read the same types tsc does.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'client/public/**', 'geodata/**/*.geojson'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks },
    // Directives for rules not enabled here (style rules of editors' configs) are left alone.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // MapLibre's once(type, listener) returns the map; its typing also admits the promise of
        // once(type) without a listener.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'maplibre-gl', name: 'once' }] },
      ],
      // An async function as a JSX event handler or an Express handler is fine: React ignores the
      // return value and Express 5 catches a rejected handler. Elsewhere a promise must not stand
      // in for a void callback or a condition.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
