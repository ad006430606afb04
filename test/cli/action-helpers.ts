import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {root} from '../helpers.js'
import {cliPath} from './helpers.js'

/** The YAML parser the config package uses. */
export const {parse} = createRequire(join(root, 'packages/config/package.json'))('yaml') as {parse: (text: string) => unknown}

/** A step of the composite action. */
export interface ActionStep {
  id?: string
  run?: string
  env?: Record<string, string>
  if?: string
  uses?: string
}

/** The action's metadata. */
export const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {inputs: Record<string, {default: string}>; runs: {using: string; steps: ActionStep[]}}

/**
 * Run the action's "Run destigma" step as the runner would, with the local build in place of the npm package.
 *
 * @param folder - The checkout.
 * @param inputs - The action's inputs (defaults fill the rest).
 * @returns The step's exit code, output and step outputs.
 */
export function runAction(folder: string, inputs: Record<string, string>): {status: number | null; stdout: string; outputs: Record<string, string>} {
  const step = action.runs.steps.find((candidate) => candidate.id === 'run') as ActionStep
  const values = {...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...inputs}
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_match, input: string) => values[input] ?? '')]))
  const temp = mkdtempSync(join(tmpdir(), 'destigma-action-'))
  const outputFile = join(temp, 'output')
  writeFileSync(outputFile, '')
  const result = spawnSync('bash', ['-e', '-c', step.run ?? ''], {
    cwd: folder,
    encoding: 'utf8',
    env: {PATH: process.env.PATH ?? '', ...env, RUNNER_TEMP: temp, GITHUB_OUTPUT: outputFile, DESTIGMA_COMMAND: `${process.execPath} ${cliPath}`}
  })
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string])
  )
  return {status: result.status, stdout: result.stdout + result.stderr, outputs}
}
