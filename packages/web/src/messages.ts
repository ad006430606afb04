import {byId} from './dom.js'

/**
 * Say what just happened, for screen readers (a polite live region, not shown).
 *
 * @param message - The message; empty to clear it.
 */
export function showStatus(message: string): void {
  byId('status').textContent = message
}

/**
 * Show what went wrong and what to do, announced at once.
 *
 * @param message - The message; empty to clear it.
 */
export function showAlert(message: string): void {
  byId('alert').textContent = message
}
