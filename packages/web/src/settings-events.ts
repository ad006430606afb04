import {byId} from './dom.js'
import {readSettingsForm} from './settings-form.js'
import type {PageSettings} from './settings.js'

/**
 * Listen to the settings form: every change takes effect at once, and the form is never submitted.
 *
 * @param changed - Called with the settings the form shows after a change.
 */
export function wireSettingsForm(changed: (settings: PageSettings) => void): void {
  const form = byId<HTMLFormElement>('settings')
  form.addEventListener('submit', (event) => event.preventDefault())
  form.addEventListener('change', () => changed(readSettingsForm(form)))
}
