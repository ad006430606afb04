import {compileRules, restoreRules, type CompiledRules} from './compile.js'
import {checkRule, expandTerm} from '@destigma/rule-schema'
import {checkOptions, choiceOptions, optionDefaults, OptionsError, type ChoiceOption, type OptionsProblem} from './options.js'
import {builtInTrie, ruleSet} from './rule-set.js'
import type {Category, Locale, MentionsMode, QuotesMode, Rule, Severity, StigmaOptions} from './types.js'

/**
 * Options resolved once by {@link resolveOptions}: merged, validated, with every default filled
 * in, and frozen. Linting takes this; front ends never merge or check options themselves.
 */
export interface ResolvedOptions {
  readonly locale: Locale
  readonly preset: 'recommended' | 'strict'
  readonly rules: Readonly<Record<string, 'off' | Severity>>
  readonly allow: readonly string[]
  readonly quotes: QuotesMode
  readonly mentions: MentionsMode
  readonly categories: Readonly<Partial<Record<Category, 'off' | 'on'>>>
  readonly customRules: readonly Rule[]
}

/** What linting needs of resolved options, worked out once with them. */
export interface RuleState {
  compiled: CompiledRules
  /** Every rule's severity under these options, or `off`. */
  severities: ReadonlyMap<string, Severity | 'off'>
  /** Normalised keys of the allowed phrases, with the same inflections as rule terms. */
  allowed: ReadonlySet<string>
}

/** Every value resolveOptions returned, and the rule state of those that have linted. */
const resolvedValues = new WeakSet<ResolvedOptions>()
const states = new WeakMap<ResolvedOptions, RuleState>()

let builtIn: CompiledRules | undefined

/**
 * Merge option layers, validate them once (custom rules included) and fill in defaults. The
 * rule set they lint with is compiled with them, once, when the plugin is attached with them or
 * they first lint.
 *
 * Layers go from the lowest priority to the highest, as design.md orders them: defaults <
 * editor settings < rc files (farthest first, so the nearest wins) < command-line flags.
 * `locale`, `preset`, `quotes` and `mentions` take the last layer's value; `rules` and
 * `categories` merge per key; `allow` and `customRules` add up.
 *
 * @param layers - Option objects from any surface, lowest priority first; `undefined` is skipped.
 * @returns Frozen resolved options.
 * @throws {OptionsError} Listing every problem, each with the index of the layer it is in.
 */
export function resolveOptions(...layers: Array<StigmaOptions | undefined>): ResolvedOptions {
  const problems = validateLayers(layers)
  if (problems.length > 0) throw new OptionsError(problems)
  const merged = mergeLayers(layers)
  const resolved: ResolvedOptions = deepFreeze({
    ...optionDefaults,
    ...merged,
    rules: merged.rules ?? {},
    allow: merged.allow ?? [],
    categories: merged.categories ?? {},
    customRules: merged.customRules ?? []
  })
  resolvedValues.add(resolved)
  return resolved
}

/**
 * Whether a value came from {@link resolveOptions}.
 *
 * @param value - Anything.
 * @returns True for resolved options.
 */
export function isResolved(value: unknown): value is ResolvedOptions {
  return typeof value === 'object' && value !== null && resolvedValues.has(value as ResolvedOptions)
}

/**
 * What linting needs of resolved options, worked out when the plugin is attached with them or
 * on their first lint (so that checking options, as the CLI does with its flags before any
 * file is read, compiles nothing).
 *
 * @param resolved - Options from {@link resolveOptions}.
 * @returns Their compiled rules, severities and allowed phrases.
 */
export function ruleStateOf(resolved: ResolvedOptions): RuleState {
  let state = states.get(resolved)
  if (!state) {
    if (!resolvedValues.has(resolved)) throw new TypeError('retext-stigma: options must come from resolveOptions()')
    state = ruleStateFor(resolved)
    states.set(resolved, state)
  }
  return state
}

/**
 * Every problem in a list of layers: custom rules against the rule schema, then each layer's
 * options against the rule ids in play (built-in and custom).
 */
export function validateLayers(layers: readonly unknown[]): OptionsProblem[] {
  const problems: OptionsProblem[] = []
  const ids = new Set(ruleSet.rules.map((rule) => rule.id))
  layers.forEach((layer, index) => {
    const custom = (layer as StigmaOptions | undefined)?.customRules
    if (!Array.isArray(custom)) return
    custom.forEach((rule: unknown, position) => {
      const path = `customRules[${position}]`
      for (const problem of checkRule(rule, ruleSet.classes))
        problems.push({path: path + (problem.pointer === '/' ? '' : problem.pointer.replaceAll('/', '.')), message: problem.message, layer: index})
      const id = (rule as Partial<Rule> | null)?.id
      if (typeof id !== 'string') return
      if (ids.has(id)) problems.push({path: `${path}.id`, message: `rule id "${id}" is already taken; give the custom rule an id of its own`, layer: index})
      ids.add(id)
    })
  })
  layers.forEach((layer, index) => {
    for (const problem of checkOptions(layer, ids)) problems.push({...problem, layer: index})
  })
  return problems
}

/** One options object from valid layers; later layers win. */
function mergeLayers(layers: Array<StigmaOptions | undefined>): StigmaOptions {
  const merged: StigmaOptions = {}
  const choices = merged as Record<ChoiceOption, unknown>
  for (const layer of layers) {
    if (!layer) continue
    for (const name of Object.keys(choiceOptions) as ChoiceOption[]) if (layer[name] !== undefined) choices[name] = layer[name]
    if (layer.rules) merged.rules = {...merged.rules, ...layer.rules}
    if (layer.categories) merged.categories = {...merged.categories, ...layer.categories}
    if (layer.allow) merged.allow = [...(merged.allow ?? []), ...layer.allow]
    if (layer.customRules) merged.customRules = [...(merged.customRules ?? []), ...layer.customRules]
  }
  return merged
}

function ruleStateFor(resolved: ResolvedOptions): RuleState {
  // The built-in set is compiled once for the process; custom rules make a set of their own.
  const compiled =
    resolved.customRules.length > 0 ? compileRules([...ruleSet.rules, ...resolved.customRules], ruleSet.classes) : (builtIn ??= restoreRules(ruleSet.rules, builtInTrie))
  const severities = new Map<string, Severity | 'off'>()
  for (const rule of compiled.rules) severities.set(rule.id, severityUnder(rule, resolved))
  const allowed = new Set<string>()
  for (const entry of resolved.allow) {
    if (entry.startsWith('rule:')) continue
    for (const variant of expandTerm({phrase: entry})) allowed.add(variant.keys.join(' '))
  }
  return {compiled, severities, allowed}
}

/** A rule's severity under resolved options, or `off`. */
function severityUnder(rule: Rule, resolved: ResolvedOptions): Severity | 'off' {
  const override = resolved.rules[rule.id]
  if (override) return override
  if (resolved.allow.includes(`rule:${rule.id}`)) return 'off'
  if (resolved.categories[rule.category] === 'off') return 'off'
  if (rule.confidence === 'contested' && resolved.preset !== 'strict') return 'off'
  return rule.severity
}

/** Freeze an options object and what it holds (custom rules included), so no caller can change resolved options under a linter. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
