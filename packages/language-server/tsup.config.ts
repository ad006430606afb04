import {defineConfig} from 'tsup'

export default defineConfig({
  entry: ['src/server.ts'],
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
  // One self-contained file: the engine, the readers and vscode-languageserver are bundled,
  // and each reader's dynamic import is inlined, so the VS Code extension can ship the file alone.
  noExternal: [/.*/],
  splitting: false,
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"}
})
