import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { forbiddenVariants } from '@app/rules';

/**
 * One word for one thing: no catalog of the web app (features' messages,
 * i18n), no email template and no text of the API (labels, seeds, feed
 * lines) uses a rendering the glossary (libs/rules/src/glossary.ts) forbids.
 * Only the strings are read, not identifiers or comments.
 */
const ROOT = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(e2e-)?spec\.ts$/.test(entry.name) && !path.endsWith(join('rules', 'src', 'glossary.ts')) ? [path] : [];
  });
}

function stringsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const strings: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) strings.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return strings;
}

/** A Korean variant counts where it starts a word (리드가, not 그리드); an English one as a whole word. */
function pattern(variant: string): RegExp {
  const escaped = variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /[가-힣]/.test(variant) ? new RegExp(`(?<![가-힣])${escaped}`) : new RegExp(`\\b${escaped}\\b`, 'i');
}

describe('the glossary’s words in every text', () => {
  const files = [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))];

  it('reads the web catalogs, the email templates and the API’s texts', () => {
    const names = files.map((file) => relative(ROOT, file));
    expect(names).toEqual(expect.arrayContaining([join('apps', 'web', 'src', 'features', 'board', 'messages.ts'), join('apps', 'web', 'src', 'i18n', 'common.ts')]));
    expect(names.some((name) => /^libs\/\w+\/src\/emails\//.test(name))).toBe(true);
  });

  it('finds no rendering the glossary forbids', () => {
    const variants = forbiddenVariants().map((v) => ({ ...v, pattern: pattern(v.variant) }));
    const found = files.flatMap((file) =>
      stringsOf(file).flatMap((text) =>
        variants.filter((v) => v.pattern.test(text)).map((v) => `${relative(ROOT, file)}: “${v.variant}” (the glossary’s ${v.key} is “${v.use}”) in “${text.slice(0, 80)}”`),
      ),
    );
    expect(found).toEqual([]);
  });
});
