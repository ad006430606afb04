import {spawn} from 'node:child_process'

// The smallest LSP exchange that proves an installed server works: initialize, initialized,
// didOpen, then wait for the document's diagnostics. Messages are framed by hand, so the
// check depends on nothing the server bundles.

/** A diagnostic, as far as this check reads it. */
export interface Diagnostic {
  code?: string | number
  source?: string
  message: string
  range: {start: {line: number; character: number}; end: {line: number; character: number}}
  codeDescription?: {href: string}
}

interface Message {
  id?: number
  method?: string
  params?: unknown
  result?: unknown
  error?: {message: string}
}

/**
 * Start a server with `--stdio`, open one document and return its first diagnostics.
 *
 * @param command - The server's executable (the `node_modules/.bin` link).
 * @param document - The document to open.
 * @param timeout - Milliseconds to wait for diagnostics.
 * @returns The diagnostics and the server's exit code after `shutdown` and `exit`.
 */
export async function diagnosticsFrom(
  command: string,
  document: {uri: string; languageId: string; text: string},
  timeout = 30_000
): Promise<{diagnostics: Diagnostic[]; exitCode: number | null}> {
  const server = spawn(command, ['--stdio'], {stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
  const send = (message: Message): void => {
    const body = JSON.stringify({jsonrpc: '2.0', ...message})
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }

  const waiting = new Map<number, (message: Message) => void>()
  const published: Array<(params: {uri: string; diagnostics: Diagnostic[]}) => void> = []
  let buffer = Buffer.alloc(0)
  server.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n')
      if (headerEnd === -1) return
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1])
      if (buffer.length < headerEnd + 4 + length) return
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Message
      buffer = buffer.subarray(headerEnd + 4 + length)
      if (message.method === undefined && message.id !== undefined) waiting.get(message.id)?.(message)
      else if (message.method === 'textDocument/publishDiagnostics') published.forEach((listener) => listener(message.params as {uri: string; diagnostics: Diagnostic[]}))
      // The client declares no capabilities, so no request from the server needs a real answer.
      else if (message.id !== undefined) send({id: message.id, result: null})
    }
  })
  let nextId = 1
  const request = (method: string, params: unknown): Promise<Message> => {
    const id = nextId++
    const answered = new Promise<Message>((resolve) => waiting.set(id, resolve))
    send({id, method, params})
    return answered
  }
  const within = async <T>(promise: Promise<T>, what: string): Promise<T> => {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${timeout} ms; server stderr:\n${stderr}`)), timeout)
    })
    try {
      return await Promise.race([promise, late])
    } finally {
      clearTimeout(timer)
    }
  }

  try {
    const initialized = await within(request('initialize', {processId: process.pid, rootUri: null, capabilities: {}}), 'answer to initialize')
    if (initialized.error) throw new Error(`initialize failed: ${initialized.error.message}`)
    send({method: 'initialized', params: {}})
    const diagnostics = within(
      new Promise<Diagnostic[]>((resolve) => published.push((params) => params.uri === document.uri && resolve(params.diagnostics))),
      'diagnostics'
    )
    send({method: 'textDocument/didOpen', params: {textDocument: {...document, version: 1}}})
    const result = await diagnostics
    await within(request('shutdown', null), 'answer to shutdown')
    send({method: 'exit'})
    return {diagnostics: result, exitCode: await within(exited, 'exit')}
  } finally {
    server.kill()
  }
}
