/**
 * The import rules of the house, checked by dependency-cruiser over src/ and backend/
 * (scripts/check-dependencies.mjs; test/rules/dependencies.test.ts runs it in `npm test`).
 *
 * Client layers, highest first: pages → components → hooks/api/utils/outbox → contracts → core.
 * A module may import its own layer or a lower one, never a higher one. The backend's use cases
 * see ports (backend/ports.ts, backend/deps.ts, …), never the adapters behind them or the wiring.
 */

// Unanchored: a package resolves to node_modules/… or, through a symlinked node_modules, ../…/node_modules/….

/** Packages that do I/O or tie code to a platform: never in core or contracts. */
const IO_PACKAGES = '(^|/)node_modules/(better-sqlite3|@cloudbase|@tarojs|@nutui|react|react-dom|chart\\.js)/'

/** Pure packages core may use (mirrors ALLOWED_PACKAGES in test/rules/core-imports.test.ts). */
const CORE_PACKAGES = '(^|/)node_modules/(dayjs|@turf/[^/]+|zod)/'

/**
 * zod, and the contract's schema modules built on it: the functions' side of the wire. The app
 * may name them in types (`import type`), never load them: zod would land in the main package.
 */
const ZOD = '(^|/)node_modules/zod/|^src/contracts/[^/]+Schemas\\.ts$'

/** Core modules that load zod: the kinds' declarations (params schemas) and what reads them. */
const CORE_WITH_ZOD = '^src/core/(kinds/(?![^/]+Terms\\.ts$)[^/]+$|scope\\.ts$)'

/** Imports erased before the code runs: `import type`, `typeof import(…)`. */
const TYPE_ONLY = ['type-only', 'type-import']

/** How dependency-cruiser marks a node builtin or a package (anything not in the repository). */
const PACKAGE_OR_BUILTIN = ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown', 'unknown', 'undetermined']

module.exports = {
  forbidden: [
    {
      name: 'core-no-io',
      severity: 'error',
      comment: 'src/core is pure logic shared by client and functions: no node builtins and no package outside its allow-list.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: PACKAGE_OR_BUILTIN, pathNot: CORE_PACKAGES },
    },
    {
      name: 'core-only-core',
      severity: 'error',
      comment: 'src/core imports only src/core.',
      from: { path: '^src/core/' },
      to: { path: '^(src|backend|settings|cloudfunctions)/', pathNot: '^src/core/' },
    },
    {
      name: 'contracts-only-core',
      severity: 'error',
      comment: 'src/contracts describes the wire: it imports only itself and src/core.',
      from: { path: '^src/contracts/' },
      to: { path: '^(src|backend|settings|cloudfunctions)/', pathNot: '^src/(contracts|core)/' },
    },
    {
      name: 'contracts-no-io',
      severity: 'error',
      comment: 'src/contracts is shared by client and functions: no node builtins and no platform package.',
      from: { path: '^src/contracts/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-no-io-packages',
      severity: 'error',
      comment: 'src/contracts is shared by client and functions: no platform package.',
      from: { path: '^src/contracts/' },
      to: { path: IO_PACKAGES },
    },
    {
      name: 'app-no-zod-at-runtime',
      severity: 'error',
      comment:
        'The mini-program never loads zod: pages, components, hooks, api and utils import a contract schema, zod or a kind declaration only with `import type`; limits come from src/contracts/limits.ts, labels from core/kinds/*Terms.ts.',
      from: { path: '^src/', pathNot: '^src/(core|contracts)/' },
      to: { path: `${ZOD}|${CORE_WITH_ZOD}`, dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'contract-types-no-zod-at-runtime',
      severity: 'error',
      comment: 'api.ts, the area type files and limits.ts reach the app: they name the schemas in types only (z.infer).',
      from: { path: '^src/contracts/', pathNot: '^src/contracts/[^/]+Schemas\\.ts$' },
      to: { path: `${ZOD}|${CORE_WITH_ZOD}`, dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'kind-terms-no-zod',
      severity: 'error',
      comment: "The app labels statuses and moves with core/kinds/*Terms.ts: they load no zod and no kind declaration.",
      from: { path: '^src/core/kinds/[^/]+Terms\\.ts$' },
      to: { path: `${ZOD}|${CORE_WITH_ZOD}`, dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: 'client-services-no-ui',
      severity: 'error',
      comment: 'hooks, api, utils and the outbox sit below the UI: they never import a component, a page or the app.',
      from: { path: '^src/(hooks|api|utils|outbox)/' },
      to: { path: '^src/(components/|pages/|app\\.)' },
    },
    {
      name: 'components-no-pages',
      severity: 'error',
      comment: 'A component never imports a page (or the app): move what it needs into a hook or a component.',
      from: { path: '^src/components/' },
      to: { path: '^src/(pages/|app\\.)' },
    },
    {
      name: 'nothing-imports-app',
      severity: 'error',
      comment: 'src/app.ts and src/app.config.ts are the top: only they may import themselves.',
      from: { path: '^src/', pathNot: '^src/app\\.' },
      to: { path: '^src/app\\.' },
    },
    {
      name: 'client-not-backend',
      severity: 'error',
      comment: 'The mini-program and H5 never import backend code.',
      from: { path: '^src/' },
      to: { path: '^backend/' },
    },
    {
      name: 'backend-shares-core-and-contracts-only',
      severity: 'error',
      comment: 'The backend shares src/core and src/contracts with the client, nothing else of src/.',
      from: { path: '^backend/' },
      to: { path: '^src/', pathNot: '^src/(core|contracts)/' },
    },
    {
      name: 'usecases-no-adapters',
      severity: 'error',
      comment: 'Use cases see ports (backend/deps.ts, backend/ports.ts, …), never an adapter or the wiring file.',
      from: { path: '^backend/usecases/' },
      to: { path: '^backend/(adapters/|runtime\\.ts$)' },
    },
    {
      name: 'notify-knows-no-area',
      severity: 'error',
      comment: 'Outbox delivery looks topics up in the notice registry (usecases/inbox/notices.ts); each area registers its own in <area>/notices.ts.',
      from: { path: '^backend/usecases/inbox/(deliver|noticeRegistry|caseEventNotices)\\.ts$' },
      to: { path: '^backend/usecases/(report|mediation|grid|rental|admin|moderation|session|files)/' },
    },
    {
      name: 'usecases-not-wire',
      severity: 'error',
      comment: 'Use cases sit below the wire: backend/functions/ maps actions to them, never the other way.',
      from: { path: '^backend/usecases/' },
      to: { path: '^backend/functions/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles: split the shared part into a module both sides import.',
      from: { path: '^(src|backend)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a circle through types is still a circle for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
}
