import type {Category, Locale, Rule, Severity} from '@destigma/rule-schema'

// The rule file's types live with its schema, in @destigma/rule-schema; the engine's API has always exported them.
export {categories, locales} from '@destigma/rule-schema'
export type {Category, InvalidExample, Locale, PartOfSpeech, Rule, RuleContext, RuleExample, RuleSet, RuleSuggestion, RuleTerm, Severity, Source, WordClasses} from '@destigma/rule-schema'

/** What to do with a match inside quotation marks. */
export type QuotesMode = 'lower' | 'report' | 'ignore'

/** What to do with a mention: a word discussed as a word (`the term 'junkie'`), not used. */
export type MentionsMode = 'ignore' | 'lower' | 'report'

/** Options, with the same names in every config surface. */
export interface StigmaOptions {
  /** Locale of the suggestions (default: `'en-GB'`). */
  locale?: Locale
  /** `recommended` checks clear-cut terms; `strict` adds contested ones (default: `'recommended'`). */
  preset?: 'recommended' | 'strict'
  /** Per rule id: `off` or a severity. */
  rules?: Record<string, 'off' | Severity>
  /** Phrases to allow, or `rule:<id>` to turn a rule off. */
  allow?: string[]
  /** Matches inside quotation marks (default: `'lower'`). */
  quotes?: QuotesMode
  /** Mentions of a term rather than uses of it: `the word "junkie"`, `so-called addicts` (default: `'ignore'`). */
  mentions?: MentionsMode
  /** Per category: `off` (or `on`). */
  categories?: Partial<Record<Category, 'off' | 'on'>>
  /** Extra rules in the rule-file shape (an organisation's house style). */
  customRules?: Rule[]
}

/** A fix: replace `range` of the text with `text`. */
export interface Fix {
  range: [number, number]
  text: string
}

/** One suggested alternative, with the edit that puts it in place where the grammar allows. */
export interface Alternative {
  text: string
  fix?: Fix
}

/** One finding, as the plain API returns it. */
export interface Finding {
  ruleId: string
  category: Category
  severity: Severity
  message: string
  actual: string
  expected: string[]
  line: number
  column: number
  endLine: number
  endColumn: number
  offset: number
  endOffset: number
  url: string
  /** The rule's explanation. */
  note: string
  /** True when the match is inside quotation marks. */
  inQuotation: boolean
  /** True when the match is a mention (a word discussed as a word), reported under `mentions: 'lower'`. */
  mention?: boolean
  /** The safe fix, if the rule has one and the match is not quoted. */
  fix?: Fix
  /** Every suggestion (the same order as `expected`), each with its edit where one can be built. */
  alternatives: Alternative[]
}
