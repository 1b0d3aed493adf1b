// Reads the doc comment of every option field in src/core/options.ts and src/core/io/readOptions.ts, keyed
// `section.field` (`drift.psiWarning`), so settings descriptions come from the one place options are documented.
// A field without its own comment shares the comment above it (`psiWarning; psiCritical;` under one comment).
import { readFileSync } from 'node:fs';
import ts from 'typescript';

function interfaces(file: string): Map<string, ts.InterfaceDeclaration> {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = new Map<string, ts.InterfaceDeclaration>();
  src.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) out.set(n.name.text, n);
  });
  return out;
}

function docOf(member: ts.TypeElement): string | null {
  const docs = (member as unknown as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (!docs || docs.length === 0) return null;
  const c = docs[docs.length - 1].comment;
  const text = typeof c === 'string' ? c : c?.map((p) => p.text).join('') ?? '';
  return text.replace(/\s+/g, ' ').trim() || null;
}

export function optionDocs(root = '.'): Record<string, string> {
  const all = new Map([...interfaces(`${root}/src/core/options.ts`), ...interfaces(`${root}/src/core/io/readOptions.ts`)]);
  const top = all.get('AnalysisOptions');
  const out: Record<string, string> = {};
  if (!top) return out;
  for (const m of top.members) {
    if (!ts.isPropertySignature(m) || !m.type || !ts.isTypeReferenceNode(m.type)) continue;
    const section = m.name.getText();
    const decl = all.get(m.type.typeName.getText());
    if (!decl) continue;
    let previous: string | null = null;
    for (const f of decl.members) {
      if (!ts.isPropertySignature(f)) continue;
      const doc: string | null = docOf(f) ?? previous;
      previous = doc;
      if (doc) out[`${section}.${f.name.getText()}`] = doc;
    }
  }
  return out;
}
