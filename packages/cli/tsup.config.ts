import {defineConfig} from 'tsup'

export default defineConfig({
  entry: ['src/cli.ts'],
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
  // Bundle the engine and the readers so start-up does not resolve hundreds of modules.
  noExternal: [/.*/],
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"}
})
