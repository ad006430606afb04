import {isAbsolute} from 'node:path'
import {pathToFileURL} from 'node:url'
import {listRules, ruleSetVersion, type RuleInfo} from 'retext-stigma'
import type {FileOutcome, ReportedFinding} from '../finding.js'
import {version} from '../version.js'
import {firstSentence, type Reporter, type RunSummary} from './reporter.js'

const levels = {error: 'error', warning: 'warning', info: 'note'} as const

/** A rule as SARIF's `tool.driver.rules` describes it. */
interface RuleDescriptor {
  id: string
  name: string
  shortDescription: {text: string}
  fullDescription: {text: string}
  help: {text: string; markdown: string}
  helpUri: string
  defaultConfiguration?: {level: string}
  properties: Record<string, unknown>
}

/**
 * The SARIF 2.1.0 reporter, as GitHub code scanning reads it: every rule with its help text and
 * help URI in `tool.driver.rules`, results with regions (UTF-16 columns) relative to the working
 * folder (`%SRCROOT%`), safe fixes as replacements, and unreadable files as notifications.
 *
 * @param cwd - The working folder, which result paths are relative to.
 * @returns The reporter.
 */
export function sarifReporter(cwd: string): Reporter {
  const descriptors = new Map<string, RuleDescriptor>(listRules().map((rule) => [rule.id, builtInDescriptor(rule)]))
  const results: unknown[] = []
  return {
    begin: () => '',
    file(outcome: FileOutcome) {
      const artifactLocation = isAbsolute(outcome.display) ? {uri: pathToFileURL(outcome.display).href} : {uri: encodeURI(outcome.display.split('\\').join('/')), uriBaseId: '%SRCROOT%'}
      for (const finding of outcome.findings) {
        if (!descriptors.has(finding.ruleId)) descriptors.set(finding.ruleId, descriptorFromFinding(finding))
        results.push(result(finding, artifactLocation))
      }
      return ''
    },
    end(run: RunSummary) {
      const rules = [...descriptors.values()]
      const index = new Map(rules.map((rule, position) => [rule.id, position]))
      for (const entry of results as Array<{ruleId: string; ruleIndex?: number}>) entry.ruleIndex = index.get(entry.ruleId) ?? 0
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'destigma',
                fullName: `destigma (rules ${ruleSetVersion})`,
                version,
                semanticVersion: version,
                informationUri: 'https://github.com/destigma/destigma',
                rules
              }
            },
            invocations: [
              {
                executionSuccessful: run.problems.length === 0,
                toolExecutionNotifications: run.problems.map((problem) => ({level: 'error', message: {text: sentence(problem)}}))
              }
            ],
            originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href}},
            columnKind: 'utf16CodeUnits',
            results
          }
        ]
      }
      return JSON.stringify(log, null, 2) + '\n'
    }
  }
}

function result(finding: ReportedFinding, artifactLocation: {uri: string; uriBaseId?: string}) {
  const region = {startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, snippet: {text: finding.actual}}
  return {
    ruleId: finding.ruleId,
    level: levels[finding.severity],
    message: {text: sentence(finding.message)},
    locations: [{physicalLocation: {artifactLocation, region}}],
    ...(finding.fix && finding.fixPlace
      ? {
          fixes: [
            {
              description: {text: sentence(`Replace with "${finding.fix.text}"`)},
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: [
                    {
                      deletedRegion: {startLine: finding.fixPlace.line, startColumn: finding.fixPlace.column, endLine: finding.fixPlace.endLine, endColumn: finding.fixPlace.endColumn},
                      insertedContent: {text: finding.fix.text}
                    }
                  ]
                }
              ]
            }
          ]
        }
      : {})
  }
}

function builtInDescriptor(rule: RuleInfo): RuleDescriptor {
  const suggestions = (rule.suggestions.default ?? []).map((suggestion) => suggestion.text)
  const sources = rule.sourceDetails.map((source) => `- [${source.title}](${source.url}), ${source.publisher} (${source.year})`)
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: {text: sentence(`Avoid "${rule.terms[0]?.phrase ?? rule.id}"${rule.terms.length > 1 ? ` and ${rule.terms.length - 1} related term${rule.terms.length > 2 ? 's' : ''}` : ''}`)},
    fullDescription: {text: rule.explanation.trim()},
    help: {
      text: `${rule.explanation.trim()}\n\nSay instead: ${suggestions.join('; ')}.`,
      markdown: [rule.explanation.trim(), `**Say instead:** ${suggestions.map((text) => `\`${text}\``).join(', ')}`, ...(sources.length ? ['**Sources**', sources.join('\n')] : [])].join('\n\n')
    },
    helpUri: rule.url,
    defaultConfiguration: {level: rule.preset === 'recommended' ? levels[rule.severity] : 'none'},
    properties: {tags: ['language', rule.category], precision: rule.confidence === 'clear-cut' ? 'high' : 'medium', 'problem.severity': rule.severity === 'error' ? 'error' : 'warning'}
  }
}

/** Custom rules (from config) and `unused-directive` are described from what their findings carry. */
function descriptorFromFinding(finding: ReportedFinding): RuleDescriptor {
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: {text: sentence(firstSentence(finding.note) || finding.ruleId)},
    fullDescription: {text: sentence(finding.note || finding.ruleId)},
    help: {text: sentence(finding.note || finding.ruleId), markdown: sentence(finding.note || finding.ruleId)},
    helpUri: finding.url,
    properties: {tags: ['language']}
  }
}

const pascalCase = (id: string): string => 'Avoid' + id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, char: string) => char.toUpperCase())
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)
