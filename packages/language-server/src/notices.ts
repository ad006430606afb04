import {MessageType, type Connection} from 'vscode-languageserver/node'

/** Warnings shown to the person once each, until settings or config change (then they may apply again). */
export class Notices {
  private readonly shown = new Set<string>()

  /** @param connection - Where to show them. */
  constructor(private readonly connection: Connection) {}

  /**
   * Show a warning, unless it was shown already.
   *
   * @param message - The warning.
   */
  showOnce(message: string): void {
    if (this.shown.has(message)) return
    this.shown.add(message)
    void this.connection.sendNotification('window/showMessage', {type: MessageType.Warning, message})
  }

  /** Let every warning show again. */
  clear(): void {
    this.shown.clear()
  }
}
