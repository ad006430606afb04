import {h} from './dom.js'

/**
 * Fill the list of phrases ignored this session, each with a button to check it again.
 *
 * @param container - The element to fill (emptied when nothing is ignored).
 * @param ignored - The phrases.
 * @param checkAgain - What a phrase's button does.
 */
export function renderIgnored(container: HTMLElement, ignored: readonly string[], checkAgain: (phrase: string) => void): void {
  if (ignored.length === 0) return container.replaceChildren()
  container.replaceChildren(
    h('h3', {}, 'Ignored this session'),
    h(
      'ul',
      {},
      ...ignored.map((phrase) =>
        h('li', {}, `“${phrase}” `, h('button', {type: 'button', 'aria-label': `Check again: “${phrase}”`, onclick: () => checkAgain(phrase)}, 'Check again'))
      )
    )
  )
}
