import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { entryChunkLimit } from './scripts/entry-chunk-limit.ts';

const apiTarget = `http://127.0.0.1:${process.env.PORT || 8080}`;

export default defineConfig({
  plugins: [react(), entryChunkLimit()],
  // Static files served as-is (label glyph PBFs under /glyphs); copied into dist/client by the build.
  publicDir: 'client/public',
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: false,
    // The app's own first-load chunk stays under 1.3 MB (before gzip): entryChunkLimit fails the
    // build past it. The report, the register, the rule library and the admin dialogs load when
    // opened. MapLibre (≈1 MB, needed by the map and the report's print map alike) is a chunk of its
    // own so that it is cached apart from the app.
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': apiTarget, '/tiles': apiTarget },
  },
  test: {
    // Unit tests run in parallel; tests that need the database (*.db.test.ts) share one PostGIS
    // booted once per run by the global setup, and run one file at a time (embedded = one session).
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.db.test.ts', 'tests/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/**/*.db.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          environment: 'node',
        },
      },
    ],
  },
});
