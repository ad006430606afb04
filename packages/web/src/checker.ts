import type {EngineClient} from './client.js'
import type {PageState} from './page-state.js'

/** How long typing must pause before the text is checked again. */
const typingPause = 250

/** What the page does as a check starts and ends. */
export interface CheckHooks {
  /** A check was asked for: the findings are stale until it ends. */
  started: () => void
  /** The newest check ended and its findings are in the state. */
  finished: (outcome: {moved: boolean; focusDocument: boolean}) => void
  /** The newest check failed. */
  failed: (error: Error) => void
}

/** Checks the draft in the engine's worker, the newest request winning, and puts the findings into the state. */
export class Checker {
  private run = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly engine: EngineClient,
    private readonly state: PageState,
    private readonly hooks: CheckHooks
  ) {}

  /**
   * Check the text as it reads now.
   *
   * @param focusDocument - Passed on to `finished`: the findings are to be shown with focus on the first.
   */
  now(focusDocument = false): void {
    clearTimeout(this.timer)
    const run = ++this.run
    const text = this.state.text
    this.hooks.started()
    this.engine.lint(text, this.state.origin.format, this.state.options()).then(
      (findings) => {
        if (run !== this.run) return
        const moved = this.state.checked(text, findings)
        this.hooks.finished({moved, focusDocument})
      },
      (error: Error) => {
        if (run === this.run) this.hooks.failed(error)
      }
    )
  }

  /** Check once typing pauses. */
  soon(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.now(), typingPause)
  }
}
