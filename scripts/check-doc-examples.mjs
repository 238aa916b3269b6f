// Fails when a public export lacks a description or an `@example`. Public means exported from
// an entry point of scripts/entries.mjs; the TypeScript compiler resolves re-exports to the
// declaration that carries the TSDoc. `npm run docs` (typedoc) checks links and syntax; this
// checks that the documentation is there at all.
import ts from 'typescript';
import { entries } from './entries.mjs';

const files = Object.values(entries);
const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true });
const checker = program.getTypeChecker();
const problems = [];
const seen = new Set();

for (const [subpath, file] of Object.entries(entries)) {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) {
    problems.push(`${subpath}: ${file} is not a module`);
    continue;
  }
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration) continue;
    const where = `${declaration.getSourceFile().fileName}:${declaration.getSourceFile().getLineAndCharacterOfPosition(declaration.getStart()).line + 1}`;
    const key = `${exported.name}@${where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const description = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const tags = symbol.getJsDocTags(checker).map((tag) => tag.name);
    const missing = [];
    if (description.length === 0) missing.push('a description');
    if (!tags.includes('example')) missing.push('an @example');
    if (missing.length > 0) problems.push(`${subpath} ${exported.name} (${where}) lacks ${missing.join(' and ')}`);
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} public exports are not fully documented:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${seen.size} public exports, each with a description and an @example`);
