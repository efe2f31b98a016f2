/**
 * The boundaries of the tree (README, Architecture), checked in `npm test`:
 * the client runs common/ and never server code; common/ runs anywhere (no client, server or node:);
 * checking knows nothing of review or accounts; accounts know nothing of the register; the db layer
 * knows no domain; no two server folders depend on each other. Type-only imports count too: a type
 * shared by both sides belongs in common/.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'client-not-server',
      comment: 'The client imports common/, never server code (it would be bundled or drift).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'common-is-pure',
      comment: 'common/ runs in the browser and in Node: nothing of client/, server/ or node:.',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: ['^client/', '^server/'] },
    },
    {
      name: 'common-no-node-builtins',
      severity: 'error',
      from: { path: '^common/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'check-knows-no-review',
      comment: 'Checking knows nothing of the register, review or accounts.',
      severity: 'error',
      from: { path: '^server/check/' },
      to: { path: ['^server/projects/', '^server/auth/'] },
    },
    {
      name: 'auth-knows-no-projects',
      severity: 'error',
      from: { path: '^server/auth/' },
      to: { path: '^server/projects/' },
    },
    {
      name: 'db-knows-no-domain',
      comment: 'server/db is infrastructure: it may use http (errors) and config, never a domain module.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: '^server/', pathNot: ['^server/db/', '^server/http/', '^server/config\\.ts$'] },
    },
    {
      name: 'no-folder-cycles-in-server',
      comment: 'Folders of server/ form a hierarchy: no cycle between them.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/' },
      to: { path: '^server/', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
