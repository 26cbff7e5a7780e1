// Architecture figures of the checkout (issue 9's measures), printed as a table: `npx tsx scripts/architecture-metrics.ts`.
// Counts are taken from the TypeScript syntax tree, not from text search, so comments and strings do not count.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? '.');
const walk = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : walk(p);
        return /\.(ts|tsx)$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
      })
    : [];
const isTest = (f: string) =>
  /\.(test|int\.test)\.tsx?$/.test(f) || f.includes('__fixtures__') || /testing\.ts$|testfixture\.ts$/.test(f);
const src = ['domain', 'server', 'web']
  .flatMap((p) => walk(path.join(root, 'packages', p, 'src')))
  .filter((f) => !isTest(f));
const rel = (f: string) => path.relative(root, f);

let anyServer = 0;
let sqlAnyServer = 0;
let sqlOutside = 0;
const sqlOutsideFiles = new Map<string, number>();
const longFiles: Array<[string, number]> = [];
const functions: Array<[string, number]> = [];
const imports = new Map<string, Set<string>>();

for (const f of src) {
  const text = fs.readFileSync(f, 'utf8');
  const sf = ts.createSourceFile(
    f,
    text,
    ts.ScriptTarget.Latest,
    true,
    f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lines = text.split('\n').length;
  if (lines > 500) longFiles.push([rel(f), lines]);
  const server = f.includes(`${path.sep}server${path.sep}`);
  const queriesFile = /queries\.ts$/.test(path.basename(f));
  const deps = new Set<string>();
  const visit = (n: ts.Node) => {
    if (server && n.kind === ts.SyntaxKind.AnyKeyword) anyServer++;
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText(sf) === 'sql') {
      if (server && n.typeArguments?.some((t) => t.kind === ts.SyntaxKind.AnyKeyword)) sqlAnyServer++;
      // A statement, not a fragment spliced into another template.
      const inside = ts.findAncestor(n.parent, (a) => ts.isTaggedTemplateExpression(a) && a.tag.getText(sf) === 'sql');
      if (server && !queriesFile && !inside && !/migrations/.test(f)) {
        sqlOutside++;
        sqlOutsideFiles.set(rel(f), (sqlOutsideFiles.get(rel(f)) ?? 0) + 1);
      }
    }
    if (ts.isFunctionLike(n) && (n as ts.FunctionLikeDeclaration).body) {
      const start = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      const name =
        (n as ts.FunctionDeclaration).name?.getText(sf) ??
        (ts.isVariableDeclaration(n.parent)
          ? n.parent.name.getText(sf)
          : ts.isPropertyAssignment(n.parent)
            ? n.parent.name.getText(sf)
            : '(anonymous)');
      functions.push([`${rel(f)}:${start + 1} ${name}`, end - start + 1]);
    }
    if (
      (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(n) ? !!n.importClause?.isTypeOnly : n.isTypeOnly;
      const spec = n.moduleSpecifier.text;
      if (spec.startsWith('.') && !typeOnly) deps.add(path.resolve(path.dirname(f), spec));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  imports.set(f, deps);
}

// Import circles (runtime imports between source files): strongly connected components with more than one file.
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const on = new Set<string>();
const circles: string[][] = [];
let i = 0;
const strong = (v: string) => {
  index.set(v, i);
  low.set(v, i++);
  stack.push(v);
  on.add(v);
  for (const w of imports.get(v) ?? []) {
    if (!imports.has(w)) continue;
    if (!index.has(w)) {
      strong(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
  }
  if (low.get(v) === index.get(v)) {
    const c: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      c.push(rel(w));
    } while (w !== v);
    if (c.length > 1) circles.push(c);
  }
};
for (const v of imports.keys()) if (!index.has(v)) strong(v);

// Lower-to-higher imports in the server: db/ (and crypto/) importing a module service, a service importing routes.
const layer = (f: string) => {
  const r = rel(f).replace(/\\/g, '/');
  if (!r.startsWith('packages/server/src/')) return -1;
  const p = r.slice('packages/server/src/'.length);
  if (/^(db|crypto)\//.test(p)) return 0;
  if (/^(routes|app|server)\.ts$/.test(p) || p.startsWith('cli/')) return 3;
  if (/\/routes\.ts$/.test(p)) return 2;
  return 1;
};
let upward = 0;
const upwardList: string[] = [];
for (const [f, deps] of imports)
  for (const d of deps) {
    const a = layer(f);
    const b = layer(d);
    if (a >= 0 && b > a) {
      upward++;
      upwardList.push(`${rel(f)} → ${rel(d)}`);
    }
  }

functions.sort((a, b) => b[1] - a[1]);
longFiles.sort((a, b) => b[1] - a[1]);
console.log(`source files (non-test)                 ${src.length}`);
console.log(`any in the server                       ${anyServer}`);
console.log(`sql<any> in the server                  ${sqlAnyServer}`);
console.log(`SQL statements outside queries.ts       ${sqlOutside} in ${sqlOutsideFiles.size} files`);
console.log(
  `files over 500 lines                    ${longFiles.length}${longFiles.length ? `: ${longFiles.map(([f, n]) => `${f} (${n})`).join(', ')}` : ''}`,
);
console.log(
  `longest functions                       ${functions
    .slice(0, 5)
    .map(([f, n]) => `${f} (${n} lines)`)
    .join('; ')}`,
);
console.log(
  `import circles                          ${circles.length}${circles.length ? `: ${circles.map((c) => c.join(' ↔ ')).join(' | ')}` : ''}`,
);
console.log(`lower-to-higher imports in the server   ${upward}`);
if (process.argv.includes('--verbose')) {
  console.log(
    [...sqlOutsideFiles]
      .sort((a, b) => b[1] - a[1])
      .map(([f, n]) => `  ${n}\t${f}`)
      .join('\n'),
  );
  console.log(upwardList.map((x) => `  ${x}`).join('\n'));
}
