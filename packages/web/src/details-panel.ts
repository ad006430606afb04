import {sourceByline, type Alternative, type Finding, type Fix, type Locale} from 'retext-stigma'
import {h} from './dom.js'
import {categoryLabels, localeLabels, severityLabels} from './labels.js'
import type {RuleMeta} from './worker/protocol.js'

/** What the details panel can ask the page to do. */
export interface DetailsActions {
  apply: (fix: Fix) => void
  ignore: (finding: Finding) => void
}

/** Everything the details panel shows. */
export interface DetailsView {
  finding: Finding
  rule: RuleMeta | undefined
  locale: Locale
  /** False while the findings are being refreshed: edits wait for fresh offsets. */
  canEdit: boolean
}

function alternativeItem(view: DetailsView, alternative: Alternative, actions: DetailsActions): HTMLElement {
  const {finding} = view
  const safe = finding.fix !== undefined && alternative.fix?.text === finding.fix.text && alternative.fix.range[0] === finding.fix.range[0]
  const body = h('span', {class: 'alternative-body'}, h('span', {class: 'alternative-text'}, alternative.text))
  if (safe) body.append(' ', h('span', {class: 'tag'}, 'safe to apply'))
  const item = h('li', {class: safe ? 'alternative safe' : 'alternative'}, body)
  const fix = alternative.fix
  if (fix)
    item.append(
      h(
        'button',
        {
          type: 'button',
          class: safe ? 'apply primary' : 'apply',
          'aria-label': `Apply: replace “${finding.actual}” with “${alternative.text}”`,
          disabled: !view.canEdit,
          onclick: () => actions.apply(fix)
        },
        'Apply'
      )
    )
  return item
}

function alternativesSection(view: DetailsView, actions: DetailsActions): HTMLElement[] {
  const heading = h('h3', {}, `Alternatives, ${localeLabels[view.locale]}`)
  if (view.finding.expected.length === 0) return [heading, h('p', {}, 'Reword the passage; this term has no one-to-one replacement.')]
  const notes: HTMLElement[] = []
  if (view.finding.mention)
    notes.push(h('p', {class: 'note'}, 'The term is discussed here as a word, not used of anyone, so nothing is changed on the page.'))
  else if (view.finding.inQuotation && !view.finding.fix)
    notes.push(h('p', {class: 'note'}, 'This is inside quotation marks: a direct quote is not changed on the page. Check it with the speaker.'))
  return [heading, ...notes, h('ul', {class: 'alternatives'}, ...view.finding.alternatives.map((alternative) => alternativeItem(view, alternative, actions)))]
}

function sourcesSection(view: DetailsView): HTMLElement[] {
  const link = (url: string, text: string) => h('a', {href: url, target: '_blank', rel: 'noopener noreferrer'}, text)
  const sources = view.rule?.sources ?? []
  const items = sources.map((source) => h('li', {}, link(source.url, source.title), `, ${sourceByline(source)}`))
  return [
    h('h3', {}, 'Sources'),
    ...(items.length > 0 ? [h('ul', {class: 'sources'}, ...items)] : []),
    h('p', {}, link(view.finding.url, `About the rule “${view.finding.ruleId}”`))
  ]
}

/**
 * Fill the details panel for one finding: explanation, alternatives with Apply buttons,
 * sources as links, and Ignore.
 *
 * @param panel - The panel element.
 * @param view - What to show.
 * @param actions - What its buttons do.
 */
export function renderDetails(panel: HTMLElement, view: DetailsView, actions: DetailsActions): void {
  const {finding} = view
  panel.replaceChildren(
    h('h2', {id: 'details-heading', tabindex: -1}, `“${finding.actual}”`),
    h(
      'p',
      {class: 'meta'},
      h('span', {class: `badge badge-${finding.severity}`}, severityLabels[finding.severity]),
      ` ${categoryLabels[finding.category]}, line ${finding.line}, column ${finding.column}`
    ),
    h('p', {class: 'message'}, finding.message.replace(/`([^`]*)`/g, '“$1”')),
    h('h3', {}, 'Why'),
    h('p', {class: 'explanation'}, finding.note),
    ...alternativesSection(view, actions),
    ...sourcesSection(view),
    h(
      'p',
      {},
      h(
        'button',
        {type: 'button', class: 'ignore', disabled: !view.canEdit, onclick: () => actions.ignore(finding)},
        `Ignore “${finding.actual}” for this session`
      )
    )
  )
  panel.hidden = false
}
