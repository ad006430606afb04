/** Categories a rule can belong to. */
export const categories = [
  'drugs',
  'alcohol',
  'mental-health',
  'suicide',
  'homelessness',
  'criminal-justice',
  'sex-work',
  'health'
] as const

/** A rule's category: the area of language it covers. */
export type Category = (typeof categories)[number]

/** Locales with their own suggestions. `en-GB` is the default. */
export const locales = ['en-GB', 'en-US'] as const

/** A supported locale. */
export type Locale = (typeof locales)[number]

/** Severity of a finding; `info` never fails a run. */
export type Severity = 'error' | 'warning' | 'info'

/** One term to flag, written once; the compiler derives its variants. */
export interface RuleTerm {
  /** The phrase as written, words separated by spaces. */
  phrase: string
  /** `noun` adds plural and possessive forms; `fixed` matches as written; `pattern` reads the phrase in the pattern language (`<verb>`, `{class}`, `[optional]`, `(a | b)`; see CONTRIBUTING.md) (default: `'noun'`). */
  kind?: 'noun' | 'fixed' | 'pattern'
  /** Irregular plural of the whole phrase. */
  plural?: string
  /** Also match the words run together (`crack head` → `crackhead`). */
  closed?: boolean
  /** Only match with this exact casing (acronyms such as `IDU`). */
  match_case?: boolean
  /** Form tag of a `fixed` term, answered by a suggestion's `forms` (default: `'singular'`). */
  form?: string
  /** Extra variants with a form tag that suggestions can answer (`committed suicide` → `past`). */
  forms?: Array<{phrase: string; form: string}>
  /** Context for this term alone, in place of the rule's (`alcoholic drink` needs a guard `alcoholics` does not). */
  context?: RuleContext
}

/** One suggested alternative. */
export interface RuleSuggestion {
  /** The alternative for a singular (or uninflected) match. */
  text: string
  /** The alternative for a plural match. */
  plural?: string
  /** Alternatives for tagged forms (`possessive`, `past`, …). */
  forms?: Record<string, string>
  /** Safe to apply without a human (at most one per locale). */
  safe?: boolean
}

/** A word's part of speech, as the tagger reads it in its sentence. */
export type PartOfSpeech = (typeof partsOfSpeech)[number]

/** The parts of speech a rule's context can name. */
export const partsOfSpeech = ['noun', 'proper-noun', 'verb', 'auxiliary', 'adjective', 'adverb', 'determiner', 'pronoun', 'preposition', 'conjunction', 'number', 'particle', 'interjection', 'other'] as const

/** Named word classes for patterns (`{substance}`), from `rules/word-classes.yml`. */
export type WordClasses = Record<string, string[]>

/** Conditions on the words around a match. Words may end in `*` to match a prefix. */
export interface RuleContext {
  /** Words each side that `requires` and `forbids` look at, `paragraph` for the whole paragraph the match is in, or `document` for the whole text (default: 4). */
  window?: number | 'paragraph' | 'document'
  /** At least one of these must be within the window. */
  requires?: string[]
  /** None of these may be within the window. */
  forbids?: string[]
  /** `requires` also holds when the whole document is about these words (one in every 300 words or more). */
  topic?: string[]
  /** The rule does not fire at all in a document about these words (two at least, and one in every 300 words or more): a match report, a software manual. */
  off_topic?: string[]
  /** The word right before the match must be one of these. */
  preceded_by?: string[]
  /** The word right before the match must not be one of these. */
  not_preceded_by?: string[]
  /** The word right after the match must be one of these. */
  followed_by?: string[]
  /** The word right after the match must not be one of these. */
  not_followed_by?: string[]
  /** Only when the phrase stands alone as a noun (`the homeless are`, not `the homeless shelter`). */
  standalone?: boolean
  /**
   * Only where the match reads as a noun, judged by the word before it: not right after `to`, a
   * modal, `do` or a subject pronoun, nor after `and`/`or` that follows a verb (`had to tramp the
   * creeks`, `it would beggar the family`, `he tramps to work`, `walk or tramp about`).
   */
  noun?: boolean
  /** Only when the match heads its noun phrase: the next word is not a noun, adjective or number by its part of speech, unless it is one of the `standalone` followers (`a lifelong alcoholic now`, not `an alcoholic drink`). */
  head?: boolean
  /** The word right before the match must have one of these parts of speech. */
  preceded_by_pos?: PartOfSpeech[]
  /** The word right before the match must not have any of these parts of speech. */
  not_preceded_by_pos?: PartOfSpeech[]
  /** The word right after the match must have one of these parts of speech. */
  followed_by_pos?: PartOfSpeech[]
  /** The word right after the match must not have any of these parts of speech. */
  not_followed_by_pos?: PartOfSpeech[]
}

/** An example in a rule file that the tests run. */
export interface RuleExample {
  text: string
  note?: string
  locale?: Locale
  /** Engine options to run the example with (the engine checks them when it runs the example). */
  options?: Record<string, unknown>
}

/** A flagged example: what the rule must report and how the fix must read. */
export interface InvalidExample extends RuleExample {
  /** The `actual` of each finding of this rule, in order. */
  flags: string[]
  /** The text after applying safe fixes; absent when no fix applies. */
  fixed?: string
  /** The first suggestion expected for the first flag. */
  suggests?: string
}

/** A rule, as written in `rules/<category>/<id>.yml`. */
export interface Rule {
  id: string
  category: Category
  severity: 'error' | 'warning'
  confidence: 'clear-cut' | 'contested'
  contested_because?: string
  terms: RuleTerm[]
  suggestions: {default: RuleSuggestion[]} & Partial<Record<Locale, RuleSuggestion[]>>
  explanation: string
  sources?: string[]
  context?: RuleContext
  exceptions?: string[]
  related?: string[]
  examples?: {invalid?: InvalidExample[]; valid?: RuleExample[]}
}

/** A source cited by rules, from `rules/sources.yml`. */
export interface Source {
  title: string
  publisher: string
  year: number | string
  url: string
}

/** The rule set as the build ships it. */
export interface RuleSet {
  version: string
  rules: Rule[]
  /** Named word classes the rules' patterns use. */
  classes?: WordClasses
  sources: Record<string, Source>
}
