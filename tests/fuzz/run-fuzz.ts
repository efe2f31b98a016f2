import { RSS_MAX_MB, runFuzz } from './fuzz.ts';

/**
 * npm run fuzz [-- --count 10000 --seed 11 --concurrency 4 --max-seconds 1800]: the full fuzz run
 * of issue 11 against a server started on 127.0.0.1 with a fresh embedded database. Exit code 1 on
 * any failure. Figures go to docs/security.md.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const report = await runFuzz({
  count: arg('count', 10_000),
  seed: arg('seed', 11),
  concurrency: arg('concurrency', 4),
  maxSeconds: arg('max-seconds', 1_800),
  log: (line) => console.log(line),
});
console.log(JSON.stringify({ ...report, failures: report.failures.slice(0, 50), failureCount: report.failures.length }, null, 2));
const ok = report.failures.length === 0 && report.alive && report.healthFailures === 0 && report.rssMaxMb < RSS_MAX_MB;
console.log(ok ? 'FUZZ OK' : 'FUZZ FAILED');
process.exit(ok ? 0 : 1);
