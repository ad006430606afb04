import type {Locale, Severity} from 'retext-stigma'

/** How each category is named on the page: the engine's titles, as in docs/rules and the editors. */
export {categoryTitles as categoryLabels} from 'retext-stigma'

/** How each severity is named on the page. */
export const severityLabels: Record<Severity, string> = {error: 'Error', warning: 'Warning', info: 'Info'}

/** How each locale is named on the page. */
export const localeLabels: Record<Locale, string> = {'en-GB': 'English (UK)', 'en-US': 'English (US)'}

/**
 * A count with its noun, singular or plural.
 *
 * @param count - How many.
 * @param noun - The singular noun.
 * @returns For example `1 finding` or `3 findings`.
 */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
