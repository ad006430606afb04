import {copyFileSync} from 'node:fs'
import {defineConfig} from 'tsup'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  // @destigma/rule-schema is internal: its code and its types go into the published files. The
  // declaration bundler inlines only what it resolves outside node_modules, hence the path.
  noExternal: ['@destigma/rule-schema'],
  dts: {compilerOptions: {paths: {'@destigma/rule-schema': ['../rule-schema/src/index.ts']}}},
  clean: true,
  target: 'node20',
  platform: 'neutral',
  // Written by the rules compiler (prebuild) from the schema the engine checks custom rules with.
  onSuccess: async () => copyFileSync('generated/rule.schema.json', 'dist/rule.schema.json')
})
