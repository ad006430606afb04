import type {ReporterName} from '../settings.js'
import {githubReporter} from './github.js'
import {jsonReporter} from './json.js'
import type {Reporter} from './reporter.js'
import {sarifReporter} from './sarif.js'
import {stylishReporter} from './stylish.js'

export type {Reporter, RunSummary} from './reporter.js'

/**
 * The reporter for `--format`.
 *
 * @param name - The reporter's name.
 * @param options - `color` for stylish; `cwd` for SARIF paths.
 * @returns The reporter.
 */
export function createReporter(name: ReporterName, options: {color: boolean; cwd: string}): Reporter {
  if (name === 'json') return jsonReporter()
  if (name === 'sarif') return sarifReporter(options.cwd)
  if (name === 'github') return githubReporter()
  return stylishReporter(options.color)
}
