import {readdirSync, readFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {join, relative, sep} from 'node:path'
import ts from 'typescript'

// A static scan of a package's built files: every module specifier it can load, read from the
// syntax tree (so strings and comments that merely look like imports do not count).

/** One module specifier in a built file. */
export interface ModuleReference {
  /** The file, relative to the package folder. */
  file: string
  specifier: string
}

const callers = new Set(['require', '__require'])

/** Files that Node or TypeScript loads: JavaScript and declarations. */
function builtFiles(folder: string): string[] {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.(?:[cm]?js|d\.[cm]?ts)$/.test(entry.name) && !relative(folder, entry.parentPath).split(sep).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** The string a call's first argument is, if it is a literal. */
function literalArgument(node: ts.CallExpression): string | undefined {
  const [first] = node.arguments
  return first && ts.isStringLiteralLike(first) ? first.text : undefined
}

/** Specifiers of `import`, `export … from`, `import()`, `require()`, esbuild's `__require()` and `require.resolve()`. */
function specifiersIn(source: ts.SourceFile): string[] {
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
      found.push(node.argument.literal.text)
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callers.has(callee.text)) ||
        (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callers.has(callee.expression.text) && callee.name.text === 'resolve')
      const specifier = loads ? literalArgument(node) : undefined
      if (specifier !== undefined) found.push(specifier)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * Every module specifier in the built files of an installed package.
 *
 * @param folder - The package's folder (in `node_modules`).
 * @returns Each specifier with the file it is in.
 */
export function moduleReferences(folder: string): ModuleReference[] {
  return builtFiles(folder).flatMap((path) => {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false, isDeclaration(path) ? ts.ScriptKind.TS : ts.ScriptKind.JS)
    return specifiersIn(source).map((specifier) => ({file: relative(folder, path), specifier}))
  })
}

const builtins = new Set(builtinModules)

/** True for `fs`, `node:fs`, `fs/promises` and the like. */
export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier)
}

/** True for `./x` and `../x`. */
export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../')
}

/** The package a bare specifier loads from: `ajv/dist/x` → `ajv`, `@types/x/y` → `@types/x`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}

/** True for a declaration file, where a package's types may come from its `@types/` package. */
export function isDeclaration(file: string): boolean {
  return /\.d\.[cm]?ts$/.test(file)
}

/** The packages that can satisfy a reference: the package itself, and in a declaration file its `@types/` package. */
export function providersOf(reference: ModuleReference): string[] {
  const name = packageOf(reference.specifier)
  if (!isDeclaration(reference.file)) return [name]
  return [name, name.startsWith('@') ? `@types/${name.slice(1).replace('/', '__')}` : `@types/${name}`]
}
