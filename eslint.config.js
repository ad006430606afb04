import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The layers (docs/architecture.md): the engine, the rule format and the readers run in a browser,
// so they load no Node module; a front end never loads another front end; and no package reaches
// into another's src/ by relative path (import it by name, so the dependency is declared).
const otherPackagesSource = {
  regex: '^(\\.\\./)+[^./][^/]*/src(/|$)',
  message: "Import another package by its name, not by a relative path into its src/: declare it as a dependency (internal packages export ./src/index.ts)."
}
const nodeModules = {group: ['node:*'], message: 'The engine and the readers run in the browser too: no Node modules here (put Node-only code in @destigma/config or a front end).'}
const frontEnds = {
  cli: {name: 'destigma', folder: 'cli'},
  server: {name: 'destigma-language-server', folder: 'language-server'},
  vscode: {name: 'vscode-destigma', folder: 'vscode'},
  web: {name: '@destigma/web', folder: 'web'}
}

// The compiler runs at build time; a front end takes rule pages and rule data from the engine.
const compiler = {group: ['@destigma/rules-compiler', '@destigma/rules-compiler/*'], message: 'The rules compiler is build-time only: take rule pages and rule data from the engine (retext-stigma).'}

/** Forbid every front end but `own`, by package name and by relative path into its build (its src/ is the rule above). */
function otherFrontEnds(own) {
  return Object.entries(frontEnds)
    .filter(([key]) => key !== own)
    .map(([, {name, folder}]) => ({group: [name, `${name}/*`, `**/${folder}/dist/*`], message: 'A front end never imports another front end: move what both need into the engine, the readers or @destigma/config.'}))
}

// A later entry for the same file replaces an earlier one, so every entry carries the src/ rule.
const restrict = (files, patterns) => ({files, rules: {'no-restricted-imports': ['error', {patterns: [otherPackagesSource, ...patterns]}]}})

export default tseslint.config(
  {ignores: ['**/dist/**', '**/node_modules/**', 'packages/retext-stigma/generated/**', 'packages/web/dist/**', '**/.cache/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly'}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', {argsIgnorePattern: '^_'}]
    }
  },
  restrict(['packages/*/src/**'], []),
  restrict(['packages/retext-stigma/src/**', 'packages/rule-schema/src/**', 'packages/formats/src/**'], [nodeModules]),
  restrict(['packages/cli/src/**'], [compiler, ...otherFrontEnds('cli')]),
  restrict(['packages/language-server/src/**'], [compiler, ...otherFrontEnds('server')]),
  restrict(['packages/vscode/src/**'], [compiler, ...otherFrontEnds('vscode')]),
  restrict(['packages/web/src/**'], [nodeModules, compiler, ...otherFrontEnds('web')])
)
