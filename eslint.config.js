import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, top to bottom (docs/architecture.md). A module may import from its own
 * layer and the ones below it; each zone below names what a layer must not reach up to.
 */
const UP_FROM = {
  // The CLI is the top: nothing imports a command or the CLI.
  cli: ['./src/cli.ts', './src/commands', './src/testing'],
  server: ['./src/server.ts'],
  app: ['./src/app.ts'],
  http: ['./src/routes', './src/http'],
  dataset: [
    './src/dataset',
    './src/seed',
    './src/fixtures',
    './src/export',
    './src/push',
    './src/provider-states',
    './src/pacts',
  ],
  control: ['./src/control'],
  engine: ['./src/engine'],
  representation: ['./src/representation'],
};
const ABOVE_ENGINE = [
  UP_FROM.cli,
  UP_FROM.server,
  UP_FROM.app,
  UP_FROM.http,
  UP_FROM.dataset,
  UP_FROM.representation,
  UP_FROM.control,
  ['./src/errors.ts', './src/options.ts', './src/spec.ts', './src/spec-conformance.ts', './src/query.ts'],
  ['./src/index.ts', './src/client', './src/admin-client'],
].flat();

const zone = (target, from, message) => ({ target, from, message });
const LAYER_ZONES = [
  zone(
    './src/domain',
    [...ABOVE_ENGINE, ...UP_FROM.engine],
    'src/domain holds records and pure rules: it imports nothing above it.',
  ),
  zone('./src/engine', ABOVE_ENGINE, 'the engine knows nothing of HTTP, representation or data sets.'),
  zone(
    './src/representation',
    [...UP_FROM.cli, ...UP_FROM.server, ...UP_FROM.app, ...UP_FROM.http, ...UP_FROM.dataset],
    'representation is below routes and data sets.',
  ),
  zone(
    ['./src/routes', './src/http'],
    [...UP_FROM.cli, ...UP_FROM.server, ...UP_FROM.app],
    'routes and http helpers are below the app.',
  ),
  zone(
    UP_FROM.dataset,
    [...UP_FROM.cli, ...UP_FROM.server, ...UP_FROM.app],
    'the data-set side is below the app and the CLI.',
  ),
  zone(
    UP_FROM.control,
    [...UP_FROM.cli, ...UP_FROM.server, ...UP_FROM.app, './src/routes'],
    'the control plane is below the app and its routes (it may use the http helpers).',
  ),
  zone('./src/http', UP_FROM.control, 'the http helpers know nothing of the control plane.'),
  zone('./src/app.ts', [...UP_FROM.cli, ...UP_FROM.server], 'the app does not open sockets or read argv.'),
  zone('./src/server.ts', UP_FROM.cli, 'the server does not read argv.'),
  zone(
    './src/client',
    ['./src/engine', './src/domain', './src/app.ts', './src/routes', ...UP_FROM.cli],
    'the client talks HTTP only.',
  ),
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'src/generated/', 'coverage/', '.scratch/', 'test/lint/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Import boundaries: no cycle anywhere in src/, and no import from a layer above.
    files: ['src/**/*.ts', 'test/lint/fixtures/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
