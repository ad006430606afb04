import type {StigmaOptions} from 'retext-stigma'

/** Which reporter prints the results. */
export type ReporterName = 'stylish' | 'json' | 'sarif' | 'github'

/** What `--fix` and `--fix-dry-run` ask for. */
export type FixMode = 'none' | 'write' | 'dry-run'

/** What `--docx-comments` accepts: comment on no finding, on every one, or on those not fixed (the default). */
export const docxComments = ['none', 'all', 'unfixed'] as const

/** `--fix --docx-output FILE`: write a copy of the .docx with tracked changes and comments. */
export interface DocxOutput {
  /** The copy's path, as given. */
  path: string
  comments: (typeof docxComments)[number]
}

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
  docx?: DocxOutput
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
