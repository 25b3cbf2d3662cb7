import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Which message keys the code uses, read from the source with the TypeScript parser.
//
// A key counts as used when
//  1. a translation call names it: `t('key')`, `t.rich('key')`, `t.markup`, `t.raw`, `t.has`, where
//     `t` comes from useTranslations / getTranslations / createTranslator (or a function returning
//     one) with its namespace, directly or through `Promise.all([...])`;
//  2. a string literal in a file spells the full key, or the key relative to a namespace that file
//     opens (key maps such as `{ label: 'columns.name' }` and schemas' `'validation.required'`);
//  3. a template key (`t(\`status.${code}\`)`) matches a dynamic family the caller declares with
//     the finite list of codes that fill it; a template that matches keys but no declared family is
//     reported, so no family is used by a blanket wildcard.
// A literal translation call whose key is not in the catalogue is reported as missing.

export type Source = { path: string; text: string };
export type Where = { file: string; line: number };
/** A template key, or `ns.*` for a key held in a variable (`t(locale)`, `t(e.key)`): `opaque`. */
export type Dynamic = { pattern: string; where: Where; guarded: boolean; opaque?: boolean };
export type Scan = {
  /** Full keys named by a literal (rules 1 and 2). */
  literal: Set<string>;
  /** Template keys as globs (`*` for each substitution) that match at least one catalogue key, or come from a resolved call. */
  dynamic: Dynamic[];
  /** Literal translation calls whose key the catalogue lacks. */
  missing: Array<{ key: string; where: Where }>;
  /** Each file's string literals, and the files it imports from `src`. */
  literalsOf: Map<string, Set<string>>;
  importsOf: Map<string, string[]>;
};

const PRODUCERS = new Set(['useTranslations', 'getTranslations', 'createTranslator']);
const METHODS = new Set(['rich', 'markup', 'raw', 'has']);
const join = (ns: string, key: string) => (ns ? `${ns}.${key}` : key);

function strip(e: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isAsExpression(e) ||
    ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)
  ) e = e.expression;
  return e;
}

const literalText = (e: ts.Expression | undefined): string | undefined => {
  if (!e) return undefined;
  const s = strip(e);
  return ts.isStringLiteral(s) || ts.isNoSubstitutionTemplateLiteral(s) ? s.text : undefined;
};

/** The namespace a producer call opens ('' for the root), or undefined when `e` is no producer. */
function producerNamespace(e: ts.Expression, factories: Map<string, string>): string | undefined {
  const s = strip(e);
  if (!ts.isCallExpression(s) || !ts.isIdentifier(s.expression)) return undefined;
  const name = s.expression.text;
  if (factories.has(name)) return factories.get(name);
  if (!PRODUCERS.has(name)) return undefined;
  const arg = s.arguments[0] && strip(s.arguments[0]);
  if (!arg) return '';
  const text = literalText(arg);
  if (text !== undefined) return text;
  if (ts.isObjectLiteralExpression(arg)) {
    const prop = arg.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'namespace') as ts.PropertyAssignment | undefined;
    return prop ? literalText(prop.initializer) : '';
  }
  return undefined;
}

/** Functions that return a translator: `translatorFor(lang)` and the like, by name. */
function findFactories(files: ts.SourceFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const sf of files) {
    const visit = (node: ts.Node): void => {
      let name: string | undefined;
      let body: ts.Node | undefined;
      if (ts.isFunctionDeclaration(node) && node.name) { name = node.name.text; body = node.body; }
      else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))) {
        name = node.name.text; body = node.initializer.body;
      }
      if (name && body) {
        const returns: ts.Expression[] = [];
        if (ts.isExpression(body)) returns.push(body);
        const walk = (n: ts.Node): void => {
          if (ts.isReturnStatement(n) && n.expression) returns.push(n.expression);
          if (!ts.isFunctionLike(n)) ts.forEachChild(n, walk);
        };
        ts.forEachChild(body, walk);
        for (const r of returns) {
          const ns = producerNamespace(r, new Map());
          if (ns !== undefined) out.set(name, ns);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** The glob of a template (`status.*`), or undefined for other expressions. */
function templateGlob(e: ts.Expression): string | undefined {
  const s = strip(e);
  if (!ts.isTemplateExpression(s)) return undefined;
  return s.head.text + s.templateSpans.map((span) => `*${span.literal.text}`).join('');
}

export const globMatcher = (pattern: string) =>
  new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);

/**
 * Scans sources against a catalogue given as its leaf keys (`a.b.c`) and every inner node (`a`, `a.b`).
 */
export function scanSources(sources: Source[], leaves: Set<string>, nodes: Set<string>): Scan {
  const host = ts.createCompilerHost({ noLib: true, noResolve: true });
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, lang) => {
    const s = byPath.get(name);
    return s ? ts.createSourceFile(name, s.text, lang, true, name.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS) : getSourceFile(name, lang);
  };
  host.fileExists = (name) => byPath.has(name);
  host.readFile = (name) => byPath.get(name)?.text;
  const program = ts.createProgram({
    rootNames: sources.map((s) => s.path),
    options: { noLib: true, noResolve: true, jsx: ts.JsxEmit.Preserve, types: [] },
    host,
  });
  const checker = program.getTypeChecker();
  const files = sources.map((s) => program.getSourceFile(s.path)!).filter(Boolean);
  const factories = findFactories(files);
  const keyPatterns = [...leaves];

  const out: Scan = { literal: new Set(), dynamic: [], missing: [], literalsOf: new Map(), importsOf: new Map() };
  const known = new Set(sources.map((s) => s.path));
  const resolveImport = (from: string, spec: string): string | undefined => {
    const base = spec.startsWith('@/') ? path.join('src', spec.slice(2)) : spec.startsWith('.') ? path.join(path.dirname(from), spec) : undefined;
    return base === undefined ? undefined : [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => known.has(f));
  };

  /** The namespace of the translator `callee` refers to, if it can be told. */
  const translatorOf = (callee: ts.Expression): string | undefined => {
    const direct = producerNamespace(callee, factories);
    if (direct !== undefined) return direct;
    if (!ts.isIdentifier(callee)) return undefined;
    const decl = checker.getSymbolAtLocation(callee)?.declarations?.[0];
    if (!decl) return undefined;
    if (ts.isVariableDeclaration(decl) && decl.initializer) return producerNamespace(decl.initializer, factories);
    if (ts.isBindingElement(decl) && ts.isArrayBindingPattern(decl.parent) && ts.isVariableDeclaration(decl.parent.parent)) {
      const init = decl.parent.parent.initializer && strip(decl.parent.parent.initializer);
      if (init && ts.isCallExpression(init) && init.expression.getText() === 'Promise.all') {
        const list = init.arguments[0] && strip(init.arguments[0]);
        const index = decl.parent.elements.indexOf(decl);
        if (list && ts.isArrayLiteralExpression(list) && list.elements[index]) return producerNamespace(list.elements[index], factories);
      }
    }
    return undefined;
  };

  for (const sf of files) {
    const namespaces = new Set<string>(['']);
    const literals: Array<{ text: string; node: ts.Node }> = [];
    const templates: Array<{ glob: string; node: ts.Node }> = [];
    const resolvedArgs = new Set<ts.Node>();
    const guards = new Set<string>();
    const dynamicHere: Dynamic[] = [];
    const imports: string[] = [];
    const where = (node: ts.Node): Where => ({ file: sf.fileName, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1 });

    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const ns = producerNamespace(node, factories);
        if (ns !== undefined && !factories.has((node.expression as ts.Identifier).text)) namespaces.add(ns);
        let callee = node.expression;
        let method = 'call';
        if (ts.isPropertyAccessExpression(callee) && METHODS.has(callee.name.text)) { method = callee.name.text; callee = callee.expression; }
        const tns = ns === undefined ? translatorOf(callee) : undefined;
        const arg = node.arguments[0];
        if (tns !== undefined && arg) {
          const text = literalText(arg);
          const glob = templateGlob(arg);
          if (text !== undefined) {
            const key = join(tns, text);
            out.literal.add(key);
            const known = method === 'raw' ? leaves.has(key) || nodes.has(key) : leaves.has(key);
            if (!known && method !== 'has') out.missing.push({ key, where: where(arg) });
            resolvedArgs.add(strip(arg));
          } else if (glob !== undefined) {
            if (method === 'has') guards.add(join(tns, glob));
            dynamicHere.push({ pattern: join(tns, glob), where: where(arg), guarded: false });
            resolvedArgs.add(strip(arg));
          } else if (tns !== '') {
            // A key in a variable under a namespace; a root translator's keys are full literals (rule 2).
            if (method === 'has') guards.add(`${tns}.*`);
            dynamicHere.push({ pattern: `${tns}.*`, where: where(arg), guarded: false, opaque: true });
          }
        }
      }
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const file = resolveImport(sf.fileName, node.moduleSpecifier.text);
        if (file) imports.push(file);
      }
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        literals.push({ text: node.text, node });
      }
      if (ts.isTemplateExpression(node)) templates.push({ glob: templateGlob(node)!, node });
      ts.forEachChild(node, visit);
    };
    visit(sf);

    for (const { text } of literals) {
      for (const ns of namespaces) if (leaves.has(join(ns, text))) out.literal.add(join(ns, text));
    }
    // Templates outside a resolved call count only with a static first segment (`codes.venue.${v}`).
    for (const { glob, node } of templates) {
      if (resolvedArgs.has(node) || !/^[A-Za-z]\w*\./.test(glob)) continue;
      for (const ns of namespaces) {
        const pattern = join(ns, glob);
        const re = globMatcher(pattern);
        if (keyPatterns.some((k) => re.test(k))) dynamicHere.push({ pattern, where: where(node), guarded: false });
      }
    }
    for (const d of dynamicHere) out.dynamic.push({ ...d, guarded: guards.has(d.pattern) });
    out.literalsOf.set(sf.fileName, new Set(literals.map((l) => l.text)));
    out.importsOf.set(sf.fileName, imports);
  }
  return out;
}

/** A dynamic family: the codes that fill a template's `*`; `guarded` when every use checks `t.has` first. */
export type Family = { codes: readonly string[]; guarded?: boolean };

export type Usage = {
  used: Set<string>;
  /** Catalogue keys nothing uses. */
  unused: string[];
  /** Keys the code asks for that the catalogue lacks, with where. */
  missing: string[];
  /** Templates that match catalogue keys none of whose fillers the code names. */
  undeclared: string[];
  /** Declared families no code uses any more. */
  stale: string[];
};

/**
 * Which keys are used. A template's keys count when its family is declared (codes from the code),
 * or when each part a `*` stands for is a string literal in the template's file or a file it
 * imports (a local list: `const TABS = ['categories', 'bodies']`); a `t.has`-guarded template
 * accepts literals from anywhere in the code.
 */
export function evaluateUsage(scan: Scan, leaves: Set<string>, families: Record<string, Family>): Usage {
  const used = new Set([...scan.literal].filter((k) => leaves.has(k)));
  const missing = scan.missing.map((m) => `${m.key} (${m.where.file}:${m.where.line})`);
  const undeclared: string[] = [];
  const everywhere = new Set([...scan.literalsOf.values()].flatMap((s) => [...s]));
  for (const [pattern, family] of Object.entries(families)) {
    for (const code of family.codes) {
      const key = pattern.replace('*', code);
      if (leaves.has(key)) used.add(key);
      else if (!family.guarded) missing.push(`${key} (family ${pattern})`);
    }
  }
  const stale = Object.keys(families).filter((p) => !scan.dynamic.some((d) => d.pattern === p));
  for (const d of scan.dynamic) {
    if (families[d.pattern]) continue;
    const file = d.where.file;
    const local = new Set([file, ...(scan.importsOf.get(file) ?? [])].flatMap((f) => [...(scan.literalsOf.get(f) ?? [])]));
    // Literals from anywhere only for a guarded template, whose static prefix keeps it specific.
    const pool = d.guarded && !d.opaque ? everywhere : local;
    const re = new RegExp(globMatcher(d.pattern).source.replaceAll('.+', '(.+)'));
    let matched = 0;
    for (const key of leaves) {
      const m = re.exec(key);
      if (!m) continue;
      matched++;
      if (m.slice(1).every((part) => pool.has(part))) used.add(key);
    }
    if (!d.opaque && matched > 0 && ![...leaves].some((k) => re.test(k) && used.has(k))) undeclared.push(`${d.pattern} (${file}:${d.where.line})`);
    if (matched === 0 && !d.guarded && !d.opaque) missing.push(`${d.pattern} (${file}:${d.where.line})`);
  }
  return { used, unused: [...leaves].filter((k) => !used.has(k)), missing, undeclared, stale };
}

/** Every `.ts` and `.tsx` file under `dir`, skipping generated code. */
export function readSources(dir: string): Source[] {
  const out: Source[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) { if (entry.name !== 'generated') walk(p); }
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push({ path: path.relative(process.cwd(), p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}
