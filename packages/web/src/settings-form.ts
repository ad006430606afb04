import {categories} from 'retext-stigma'
import {byId, h} from './dom.js'
import {categoryLabels} from './labels.js'
import type {PageSettings} from './settings.js'

/**
 * Add a checkbox per category to the settings form and set every field from the settings.
 *
 * @param settings - The settings to show.
 */
export function renderSettingsForm(settings: PageSettings): void {
  const form = byId<HTMLFormElement>('settings')
  const fieldset = byId('categories')
  for (const category of categories) {
    fieldset.append(h('label', {}, h('input', {type: 'checkbox', name: 'category', value: category}), ` ${categoryLabels[category]}`))
  }
  byId<HTMLSelectElement>('locale').value = settings.locale
  byId<HTMLSelectElement>('quotes').value = settings.quotes
  byId<HTMLSelectElement>('mentions').value = settings.mentions
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name=preset]')) radio.checked = radio.value === settings.preset
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=category]')) box.checked = !settings.off.includes(box.value as (typeof categories)[number])
}

/**
 * The settings as the form shows them.
 *
 * @param form - The settings form.
 * @returns The settings.
 */
export function readSettingsForm(form: HTMLFormElement): PageSettings {
  const data = new FormData(form)
  return {
    locale: data.get('locale') === 'en-US' ? 'en-US' : 'en-GB',
    preset: data.get('preset') === 'strict' ? 'strict' : 'recommended',
    quotes: data.get('quotes') === 'report' ? 'report' : data.get('quotes') === 'ignore' ? 'ignore' : 'lower',
    mentions: data.get('mentions') === 'report' ? 'report' : data.get('mentions') === 'lower' ? 'lower' : 'ignore',
    off: categories.filter((category) => !data.getAll('category').includes(category))
  }
}
