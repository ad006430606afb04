import type {ConfigRequest} from '@destigma/config'
import type {Shard} from './shard.js'
import type {SuppressionRequest} from './suppressions.js'

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

/** How to lint each file, the same in the main thread and in workers. */
export interface RunOptions {
  /** Where config comes from: `--config` (absolute) or `--no-config`, and the option flags (`--preset`, `--locale`, `--mentions`, `--rule`), which win over config files. */
  config: ConfigRequest
  fix: FixMode
  quiet: boolean
  reportUnusedDirectives: boolean
  maxFileSize: number
  docx?: DocxOutput
  /** Time budget for one file (seconds): a file still being checked then is reported as taking too long. */
  maxFileSeconds: number
  /** The folder paths are shown relative to. */
  cwd: string
  /** False to parse every file in full, skipping nothing (internal, for the differential tests). */
  prefilter?: boolean
}

/** Everything the command line asked for. */
export interface CommandLine extends RunOptions {
  format: ReporterName
  paths: string[]
  stdinFilename?: string
  maxWarnings?: number
  jobs?: number
  explain?: string
  /** `--changed-since REF`: only files git reports changed since it. */
  changedSince?: string
  /** `--shard i/n`. */
  shard?: Shard
  /** The suppressions file and what to do with it. */
  suppressions: SuppressionRequest
  listRules: boolean
  help: boolean
  version: boolean
}
