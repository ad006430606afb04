import {fix, lint} from './api.js'
import type {InvalidExample, Rule, StigmaOptions} from './types.js'

/**
 * Show a rule's flagged example as a real run prints it: the sentence, a caret line under each
 * finding of the rule, what to say instead, and the text after `--fix`. For rule pages
 * (`rulePage`'s `showFlagged`), which lint nothing themselves.
 *
 * @param rule - The rule the example belongs to.
 * @param example - One of its flagged examples.
 * @returns A Markdown code block.
 */
export function showFlaggedExample(rule: Rule, example: InvalidExample): string {
  // The schema lets an example name any engine options; lint checks them when it runs.
  const options = {preset: 'strict', locale: example.locale, ...example.options} as StigmaOptions
  const findings = lint(example.text, options).filter((finding) => finding.ruleId === rule.id)
  const lines = [example.text]
  if (!example.text.includes('\n')) {
    let carets = ''
    for (const finding of findings) carets = carets.padEnd(finding.offset, ' ') + '^'.repeat(finding.endOffset - finding.offset)
    lines.push(carets)
  }
  for (const finding of findings) lines.push(`→ ${finding.actual}: ${finding.expected.join(' / ')}`)
  const fixed = fix(example.text, options)
  if (fixed !== example.text) lines.push(`fixed: ${fixed}`)
  const locale = example.locale ? ` (${example.locale})` : ''
  return '```text' + locale + '\n' + lines.join('\n') + '\n```'
}
