import type {StigmaOptions} from 'retext-stigma'

/** Which reporter prints the results. */
export type ReporterName = 'stylish' | 'json' | 'sarif' | 'github'

/** What `--fix` and `--fix-dry-run` ask for. */
export type FixMode = 'none' | 'write' | 'dry-run'

/** Settings for linting each file, the same in the main thread and in workers. */
export interface LintSettings {
  /** Options from the command line (`--preset`, `--locale`, `--rule`), layered over config files. */
  cliOptions: StigmaOptions
  configPath?: string
  noConfig: boolean
  fix: FixMode
  quiet: boolean
  reportUnusedDirectives: boolean
  maxFileSize: number
  /** Time budget for one file (seconds): a file still being checked then is reported as taking too long. */
  maxFileSeconds: number
  /** The folder paths are shown relative to. */
  cwd: string
}

/** Everything the command line asked for. */
export interface Settings extends LintSettings {
  format: ReporterName
  paths: string[]
  stdinFilename?: string
  maxWarnings?: number
  jobs?: number
  explain?: string
  listRules: boolean
  help: boolean
  version: boolean
}
