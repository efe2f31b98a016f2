/**
 * The boundaries of the tree (README, Architecture), checked in `npm test`:
 * the client imports only client/ and common/ (no server code, no node:); common/ runs anywhere
 * (nothing of client/, server/, the rest of the tree, or node:); checking knows nothing of review,
 * reports, batches or accounts; accounts know nothing of the register; the db layer knows no domain;
 * no two folders of server/ (or of common/) depend on each other. Type-only imports count too: a
 * type shared by both sides belongs in common/. tests/tooling/dependency-rules.test.ts plants one
 * violation per rule and expects each to be reported.
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
      name: 'client-only-common',
      comment: 'Of the tree, the client imports only client/ and common/ (not geodata/, scripts/, tests/ …).',
      severity: 'error',
      from: { path: '^client/' },
      to: { dependencyTypes: ['local'], pathNot: ['^client/', '^common/'] },
    },
    {
      name: 'client-no-node-builtins',
      comment: 'The client runs in the browser: no node: modules.',
      severity: 'error',
      from: { path: '^client/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'common-is-pure',
      comment: 'common/ runs in the browser and in Node: nothing of client/, server/ or node:.',
      severity: 'error',
      from: { path: '^common/' },
      to: { dependencyTypes: ['local'], pathNot: '^common/' },
    },
    {
      name: 'common-no-node-builtins',
      severity: 'error',
      from: { path: '^common/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'check-knows-no-review',
      comment: 'Checking knows nothing of the register, review, reports or accounts.',
      severity: 'error',
      from: { path: '^server/check/' },
      to: { path: ['^server/projects/', '^server/auth/', '^server/reports/', '^server/batch/', '^common/domain/review\\.ts$'] },
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
      name: 'no-folder-cycles',
      comment: 'Folders of server/ and of common/ form a hierarchy: no cycle between them. (client/ does not yet: its feature folders import each other; see README.)',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(server|common)/' },
      to: { path: '^(server|common)/', circular: true },
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
