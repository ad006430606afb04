import {copyFileSync} from 'node:fs'
import {defineConfig} from 'tsup'

export default defineConfig({
  entry: ['src/extension.ts'],
  format: ['cjs'],
  clean: true,
  target: 'node20',
  platform: 'node',
  // VS Code provides `vscode`; everything else is bundled, so the package has no dependencies to install.
  external: ['vscode'],
  noExternal: [/^(?!vscode$).*/],
  minify: true,
  async onSuccess() {
    // The server, already one self-contained ES module, ships beside the client.
    copyFileSync('../language-server/dist/server.js', 'dist/server.mjs')
    await import('./scripts/make-icon.mjs').then((icon: {writeIcon: (path: string) => void}) => icon.writeIcon('dist/icon.png'))
  }
})
