import type {Root} from 'nlcst'
import {buildEdit, matchCasing, wordingFor} from './fix.js'
import {fillPlaceholders} from '@destigma/rule-schema'
import {matchSentence, type Match} from './match.js'
import {SentenceMentions} from './mentions.js'
import {setAgainstReplacement} from './mention-replacement.js'
import {QuoteTracker} from './quotes.js'
import {ruleStateOf, type ResolvedOptions} from './resolve.js'
import {paragraphTokens, type Token} from './tokens.js'
import {documentWords, type DocumentWords} from './topic.js'
import type {Alternative, Fix, Rule, RuleSuggestion, Severity} from './types.js'

/** A finding with offsets; the plugin adds lines and columns. */
export interface RawFinding {
  rule: Rule
  severity: Severity
  actual: string
  expected: string[]
  alternatives: Alternative[]
  start: number
  end: number
  inQuotation: boolean
  /** A mention (a word discussed as a word), reported lower under `mentions: 'lower'`. */
  mention: boolean
  fix?: Fix
}

const lower: Record<Severity, Severity> = {error: 'warning', warning: 'info', info: 'info'}

/**
 * The suggestions of a rule for a locale: the locale's own list, else the default.
 *
 * @param rule - The rule.
 * @param locale - The locale.
 * @returns Suggestions, best first.
 */
export function suggestionsFor(rule: Rule, locale: ResolvedOptions['locale']): RuleSuggestion[] {
  return rule.suggestions[locale] ?? rule.suggestions.default
}

/**
 * Find every stigmatising term in an nlcst tree.
 *
 * @param tree - The tree, with positions into `text`.
 * @param text - The source the positions refer to.
 * @param settings - Options from `resolveOptions`.
 * @returns Findings in order of position.
 */
export function findInTree(tree: Root, text: string, settings: ResolvedOptions): RawFinding[] {
  const {compiled, severities, allowed} = ruleStateOf(settings)
  const findings: RawFinding[] = []
  const quotes = new QuoteTracker(text)

  const enabled = (id: string): boolean => severities.get(id) !== 'off'
  // Scanned only when a rule's context is the whole document.
  let words: DocumentWords | undefined
  const document = (): DocumentWords => (words ??= documentWords(text))
  for (const {sentences, start: paragraphStart, mention: wordsOnly} of paragraphTokens(tree)) {
    for (const tokens of sentences) {
      const matches = matchSentence(tokens, compiled, enabled, sentences, document)
      if (matches.length === 0) continue
      // Read only for a sentence with a match, and not at all when mentions count as uses.
      let mentions: SentenceMentions | undefined
      const isMention = (match: Match, quoted: boolean): boolean => {
        if (settings.mentions === 'report') return false
        if (wordsOnly) return true
        // A term set against the rule's own replacement is a correction (`an HIV test, not an AIDS test`).
        if (setAgainstReplacement(tokens, match.reachFirst, match.terminal.rule)) return true
        mentions ??= new SentenceMentions(tokens, text, (first, last) => matches.some((other) => other.first >= first && other.last <= last))
        // A pattern's words before `<<` belong to the phrase a frame holds up (`saying “suicide is selfish”`).
        return mentions.isMention(match.reachFirst, match.last, quoted)
      }
      for (const match of matches) {
        const matchKeys = tokens.slice(match.first, match.last + 1).map((token) => token.key)
        if (allowed.has(matchKeys.join(' '))) continue
        const inQuotation = quotes.isQuoted(paragraphStart, match.start)
        const mention = isMention(match, inQuotation)
        if (mention && settings.mentions === 'ignore') continue
        if (inQuotation && settings.quotes === 'ignore') continue
        const severity = severities.get(match.terminal.rule.id) as Severity
        // A mention is lowered once, quoted or not; it carries no fix, like a quotation.
        const lowered = mention || (inQuotation && settings.quotes === 'lower')
        findings.push(findingFor(match, tokens, text, settings.locale, lowered ? lower[severity] : severity, {inQuotation, mention}, lowered))
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start)
}

/**
 * Build the finding for one match: every suggestion in the match's form and casing, each
 * with its edit, and the safe one as the fix unless the match is lowered (quoted or a mention).
 */
function findingFor(
  match: Match,
  tokens: Token[],
  text: string,
  locale: ResolvedOptions['locale'],
  severity: Severity,
  {inQuotation, mention}: {inQuotation: boolean; mention: boolean},
  lowered: boolean
): RawFinding {
  const {rule, form} = match.terminal
  const actual = text.slice(match.start, match.end)
  const acronym = match.terminal.exactWords !== undefined
  const alternatives: Alternative[] = []
  let fix: Fix | undefined
  const written = (from: number, to: number): string => text.slice(tokens[match.first + from]?.start ?? 0, tokens[match.first + to - 1]?.end ?? 0)
  const filled = (wording: string | undefined): string | undefined => (wording === undefined ? undefined : fillPlaceholders(wording, match.terminal.captures, written))
  for (const suggestion of suggestionsFor(rule, locale)) {
    const wording = filled(wordingFor(suggestion, form))
    const edit = wording === undefined ? undefined : buildEdit(text, tokens, match.first, match.end, wording, acronym)
    const shown = wording ?? filled(wordingFor(suggestion, form.startsWith('plural') ? 'plural' : 'singular')) ?? fillPlaceholders(suggestion.text, match.terminal.captures, written)
    // An acronym gives no casing to copy, except that it may open the sentence.
    const cased = acronym && match.first === 0 ? matchCasing('X', shown) : matchCasing(actual, shown, acronym)
    const alternative: Alternative = {text: cased}
    if (edit) alternative.fix = edit
    // A lowered match (quoted, or a mention) keeps its suggestions but gets no automatic fix;
    // so does a headline's term without its article, whose wordings would bring one in.
    if (suggestion.safe && edit && !lowered && !match.articleDropped) fix = edit
    if (!alternatives.some((other) => other.text === alternative.text)) alternatives.push(alternative)
  }
  const finding: RawFinding = {
    rule,
    severity,
    actual,
    expected: alternatives.map((alternative) => alternative.text),
    alternatives,
    start: match.start,
    end: match.end,
    inQuotation,
    mention
  }
  if (fix) finding.fix = fix
  return finding
}
