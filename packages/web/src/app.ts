import {PageActions} from './actions.js'
import type {EngineClient} from './client.js'
import {wireEditor, wireFiles} from './editor-events.js'
import {wireNavigation} from './navigation-events.js'
import {PageState} from './page-state.js'
import {PageView} from './page-view.js'
import {wireSettingsForm} from './settings-events.js'
import {renderSettingsForm} from './settings-form.js'
import {loadSettings} from './settings.js'
import {wireToolbar} from './toolbar-events.js'

/**
 * The page, put together: its state, the view that draws it, the actions that change it, and
 * the events that call them.
 */
export class App {
  private readonly state = new PageState(loadSettings())
  // The view's buttons call the actions, which draw through the view: the view reaches them through this object.
  private readonly view = new PageView(this.state, {
    apply: (fix) => this.actions.apply(fix),
    ignore: (finding) => this.actions.ignore(finding),
    stopIgnoring: (phrase) => this.actions.stopIgnoring(phrase),
    downloadTracked: () => void this.actions.downloadTracked()
  })
  private readonly actions: PageActions

  constructor(engine: EngineClient) {
    this.actions = new PageActions(engine, this.state, this.view)
  }

  /** Wire the page up and wait for the engine. */
  async start(): Promise<void> {
    const {actions, view} = this
    wireEditor(actions)
    wireToolbar(actions)
    renderSettingsForm(this.state.settings)
    wireSettingsForm((settings) => actions.changeSettings(settings))
    wireFiles({openFile: (file) => void actions.openFile(file), dragging: (shown) => view.showDropTarget(shown)})
    wireNavigation(view, (index) => actions.select(index))
    view.render()
    await actions.connect()
  }
}
