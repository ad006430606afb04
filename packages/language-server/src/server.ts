#!/usr/bin/env node
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {startServer} from './start-server.js'

const usage = `Usage: destigma-language-server --stdio

A language server for destigma: diagnostics for stigmatising language about drugs,
alcohol, addiction and neighbouring areas, with quick fixes and explanations.
Start it from your editor's LSP client; see docs/editors.md for each editor.

Options:
  --stdio         Talk LSP over standard input and output
  --node-ipc      Talk LSP over Node's IPC channel (VS Code)
  --socket=PORT   Talk LSP over a socket
  --version       Print the version
  --help          Print this help`

const args = process.argv.slice(2)
if (args.includes('--help')) {
  process.stdout.write(`${usage}\n`)
} else if (args.includes('--version')) {
  process.stdout.write(`destigma-language-server ${process.env.DESTIGMA_VERSION ?? '0.1.0'}\n`)
} else if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write(`destigma-language-server: say how to talk to the editor (--stdio)\n\n${usage}\n`)
  process.exitCode = 2
} else {
  startServer(createConnection(ProposedFeatures.all))
}
