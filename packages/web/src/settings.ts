import {categories, checkOptions, optionDefaults, type Category, type Locale, type MentionsMode, type QuotesMode, type StigmaOptions} from 'retext-stigma'

/** What the page lets a person choose, kept in local storage: the only thing it stores. */
export interface PageSettings {
  locale: Locale
  preset: 'recommended' | 'strict'
  quotes: QuotesMode
  mentions: MentionsMode
  /** Categories turned off. */
  off: Category[]
}

/** The local storage key the settings live under. */
export const storageKey = 'destigma.settings'

/** The settings a first visit starts with: the engine's defaults. */
export const defaultSettings: PageSettings = {...optionDefaults, off: []}

/**
 * The engine options for some settings, plus the phrases ignored this session.
 *
 * @param settings - The person's settings.
 * @param ignored - Phrases to leave alone (passed as `allow`).
 * @returns Options for the engine.
 */
export function toOptions(settings: PageSettings, ignored: readonly string[] = []): StigmaOptions {
  const options: StigmaOptions = {locale: settings.locale, preset: settings.preset, quotes: settings.quotes, mentions: settings.mentions}
  if (settings.off.length > 0) options.categories = Object.fromEntries(settings.off.map((category) => [category, 'off']))
  if (ignored.length > 0) options.allow = [...ignored]
  return options
}

/**
 * Read stored settings. Anything missing, unknown or invalid falls back to the default,
 * checked by the engine's own options checker.
 *
 * @param stored - The stored JSON, or null.
 * @returns The settings.
 */
export function parseSettings(stored: string | null): PageSettings {
  let value: unknown
  try {
    value = stored === null ? undefined : JSON.parse(stored)
  } catch {
    return {...defaultSettings}
  }
  if (typeof value !== 'object' || value === null) return {...defaultSettings}
  const record = value as Partial<PageSettings>
  const settings: PageSettings = {...defaultSettings}
  const valid = (options: StigmaOptions) => checkOptions(options, new Set()).length === 0
  if (valid({locale: record.locale})) settings.locale = record.locale ?? settings.locale
  if (valid({preset: record.preset})) settings.preset = record.preset ?? settings.preset
  if (valid({quotes: record.quotes})) settings.quotes = record.quotes ?? settings.quotes
  if (valid({mentions: record.mentions})) settings.mentions = record.mentions ?? settings.mentions
  if (Array.isArray(record.off)) settings.off = categories.filter((category) => record.off?.includes(category))
  return settings
}

/**
 * Load the settings from local storage (or the defaults when storage is unavailable).
 *
 * @returns The settings.
 */
export function loadSettings(): PageSettings {
  try {
    return parseSettings(localStorage.getItem(storageKey))
  } catch {
    return {...defaultSettings}
  }
}

/**
 * Remember the settings in local storage; a browser that refuses storage keeps them for this visit only.
 *
 * @param settings - The settings.
 */
export function saveSettings(settings: PageSettings): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(settings))
  } catch {
    // Storage can be disabled (private windows, policies): the settings then last for this visit.
  }
}
