#!/usr/bin/env node
import {readFile} from 'node:fs/promises'
import {parseArgs} from 'node:util'
import {formatFromName, readProse} from '@destigma/formats'
import {assertOptions, lintTree, OptionsError, ruleSetVersion, type StigmaOptions} from 'retext-stigma'
import {formatJson, formatStylish, type FileResult} from './reporters.js'

const usage = `Usage: destigma [options] FILE...

Checks drafts (.txt, .md) for stigmatising language about drugs, alcohol,
addiction and neighbouring areas, and suggests person-first alternatives.

Options:
  --format stylish|json   Output format (default: stylish)
  --preset recommended|strict
                          recommended checks clear-cut terms; strict adds contested ones
  --locale en-GB|en-US    Locale of the suggestions (default: en-GB)
  --version               Print the version and the rule set's version
  --help                  Print this help

Exit codes: 0 no errors, 1 error-level findings, 2 bad usage or unreadable input.

Examples:
  destigma press-release.md
  destigma --locale en-US --format json drafts/*.md`

/** A problem the user can fix: printed without a stack trace, exit code 2. */
class UsageError extends Error {}

async function lintFile(path: string, options: StigmaOptions): Promise<FileResult> {
  const format = formatFromName(path)
  if (!format) throw new UsageError(`${path}: destigma reads .txt and .md files`)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`)
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  return {filePath: path, findings: lintTree(await readProse(text, format), text, options)}
}

async function main(argv: string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: {type: 'string', default: 'stylish'},
      preset: {type: 'string'},
      locale: {type: 'string'},
      version: {type: 'boolean'},
      help: {type: 'boolean'}
    }
  })
  if (values.help) {
    process.stdout.write(usage + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(`destigma ${process.env.DESTIGMA_VERSION ?? '0.1.0'} (rules ${ruleSetVersion})\n`)
    return 0
  }
  if (values.format !== 'stylish' && values.format !== 'json') throw new UsageError(`--format must be stylish or json, got "${values.format}"`)
  if (positionals.length === 0) throw new UsageError('no files given\n\n' + usage)
  const options = {preset: values.preset, locale: values.locale} as StigmaOptions
  assertOptions(options)

  const results: FileResult[] = []
  let failed = false
  for (const path of positionals) {
    try {
      results.push(await lintFile(path, options))
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      process.stderr.write(`destigma: ${error.message}\n`)
      failed = true
    }
  }
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
  process.stdout.write(values.format === 'json' ? formatJson(results) + '\n' : formatStylish(results, color))
  if (failed) return 2
  return results.some((result) => result.findings.some((finding) => finding.severity === 'error')) ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof OptionsError || (error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS')
    process.stderr.write(`destigma: ${known ? (error as Error).message : String(error)}\n`)
    if (process.env.DEBUG?.includes('destigma') && error instanceof Error) process.stderr.write(`${error.stack}\n`)
    process.exitCode = 2
  }
)
