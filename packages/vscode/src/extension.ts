import * as vscode from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

/** The kind of the server's fix-all action. */
const fixAllKind = 'source.fixAll.destigma'

let client: LanguageClient | undefined

function languages(): string[] {
  const settings = vscode.workspace.getConfiguration('destigma')
  const configured = settings.get<string[]>('languages')
  // An empty list means the default: the server's, which package.json declares for the settings UI.
  return configured && configured.length > 0 ? configured : (settings.inspect<string[]>('languages')?.defaultValue ?? [])
}

/** Start the bundled language server for the languages in the settings. */
async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.mjs')
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.ipc},
    debug: {module, transport: TransportKind.ipc, options: {execArgv: ['--nolazy', '--inspect=6019']}}
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages().map((language) => ({language})),
    synchronize: {configurationSection: 'destigma'}
  }
  client = new LanguageClient('destigma', 'destigma', serverOptions, clientOptions)
  await client.start()
}

/** Apply the server's fix-all action to the active editor's document. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor
  if (!editor) return
  const document = editor.document
  const whole = new vscode.Range(0, 0, document.lineCount, 0)
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, fixAllKind)
  const action = actions?.find((candidate) => candidate.kind?.value === fixAllKind)
  if (action?.edit) await vscode.workspace.applyEdit(action.edit)
  else void vscode.window.showInformationMessage('destigma: nothing in this file has a fix that is safe to apply automatically.')
}

/** The rule page of a diagnostic, from its code link. */
function rulePage(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined
}

/** Open the page of the rule under the cursor, or let the user pick one of the file's findings. */
async function showRuleDocumentation(page?: string): Promise<void> {
  if (typeof page === 'string') {
    await vscode.env.openExternal(vscode.Uri.parse(page))
    return
  }
  const editor = vscode.window.activeTextEditor
  const findings = editor ? vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'destigma' && rulePage(diagnostic)) : []
  const here = findings.filter((diagnostic) => editor && diagnostic.range.contains(editor.selection.active))
  const choices = here.length > 0 ? here : findings
  if (choices.length === 0) {
    void vscode.window.showInformationMessage('destigma: no findings in this file; put the cursor on a finding to open its rule.')
    return
  }
  const picked =
    choices.length === 1
      ? choices[0]
      : (
          await vscode.window.showQuickPick(
            choices.map((diagnostic) => ({label: String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code), description: `line ${diagnostic.range.start.line + 1}`, detail: diagnostic.message, diagnostic})),
            {placeHolder: 'Which rule?'}
          )
        )?.diagnostic
  const target = picked && rulePage(picked)
  if (target) await vscode.env.openExternal(target)
}

/**
 * Start the language server and register the commands.
 *
 * @param context - The extension's context.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('destigma.fixAll', fixAll),
    vscode.commands.registerCommand('destigma.showRuleDocumentation', showRuleDocumentation),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The languages decide which documents the client sends, so a change needs a new client.
      if (!event.affectsConfiguration('destigma.languages')) return
      await client?.stop()
      await startClient(context)
    })
  )
  await startClient(context)
}

/**
 * Stop the language server.
 *
 * @returns When it has stopped.
 */
export async function deactivate(): Promise<void> {
  await client?.stop()
}
