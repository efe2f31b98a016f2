import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Each boundary rule of .dependency-cruiser.cjs (npm run lint:deps) must be able to fail: a small
 * tree with one planted violation per rule is cruised with the project's own rule set, and every
 * rule has to report its violation. (The real tree passing is `npm run lint:deps` itself.)
 */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as { forbidden: ({ name: string } & Record<string, unknown>)[] };

/** file → its source; each import is a planted violation of the rule named beside it. */
const PLANTED: Record<string, string> = {
  'server/projects/register.ts': 'export const register = 1;\n',
  'server/reports/report.ts': 'export const report = 1;\n',
  'server/layers/catalog.ts': 'export const catalog = 1;\n',
  'geodata/generate.ts': 'export const generate = 1;\n',
  // client-not-server (and client-only-common)
  'client/map/a.ts': "export { register } from '../../server/projects/register.ts';\n",
  // client-only-common
  'client/map/b.ts': "export { generate } from '../../geodata/generate.ts';\n",
  // client-no-node-builtins
  'client/map/c.ts': "export { readFileSync } from 'node:fs';\n",
  // common-is-pure
  'common/units/a.ts': "export { catalog } from '../../server/layers/catalog.ts';\n",
  // common-no-node-builtins
  'common/units/b.ts': "export { join } from 'node:path';\n",
  // check-knows-no-review
  'server/check/a.ts': "export { register } from '../projects/register.ts';\nexport { report } from '../reports/report.ts';\n",
  // auth-knows-no-projects
  'server/auth/a.ts': "export { register as r2 } from '../projects/register.ts';\n",
  // db-knows-no-domain
  'server/db/a.ts': "export { catalog } from '../layers/catalog.ts';\n",
  // no-folder-cycles: search ↔ health in server/
  'server/search/a.ts': "import { h } from '../health/b.ts';\nexport const s = h + 1;\n",
  'server/health/b.ts': "import { s } from '../search/a.ts';\nexport const h = 1;\nexport const t = () => s;\n",
  // no-folder-cycles: geo ↔ report in common/
  'common/geo/a.ts': "import { r } from '../report/b.ts';\nexport const g = r + 1;\n",
  'common/report/b.ts': "import { g } from '../geo/a.ts';\nexport const r = 1;\nexport const u = () => g;\n",
};

const dir = mkdtempSync(path.join(tmpdir(), 'depcruise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dependency rules (npm run lint:deps)', () => {
  it('every rule reports its planted violation', async () => {
    for (const [file, text] of Object.entries(PLANTED)) {
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const cwd = process.cwd();
    process.chdir(dir); // rule paths (^client/ …) are relative to where the cruise runs
    let result: IReporterOutput;
    try {
      result = await cruise(['client', 'common', 'server'], { validate: true, ruleSet: { forbidden: config.forbidden } as unknown as ICruiseOptions['ruleSet'], tsPreCompilationDeps: true }, { extensions: ['.ts'] });
    } finally {
      process.chdir(cwd);
    }
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    const violated = new Set(output.summary.violations.map((v) => v.rule.name));
    const rules = config.forbidden.map((r) => r.name);
    expect(rules.length).toBeGreaterThanOrEqual(8);
    expect(rules.filter((r) => !violated.has(r))).toEqual([]);
    // The check rule catches each forbidden target, not only the first.
    const checkTargets = output.summary.violations.filter((v) => v.rule.name === 'check-knows-no-review').map((v) => v.to);
    expect(checkTargets).toEqual(expect.arrayContaining(['server/projects/register.ts', 'server/reports/report.ts']));
    // The cycle rule catches a cycle in server/ and one in common/.
    const cycleFolders = output.summary.violations.filter((v) => v.rule.name === 'no-folder-cycles').map((v) => v.from);
    expect(cycleFolders.some((f) => f.startsWith('server/')) && cycleFolders.some((f) => f.startsWith('common/'))).toBe(true);
  });
});
