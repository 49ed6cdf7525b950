import * as path from 'node:path';
import * as ts from 'typescript';

/*
 * The email contracts are types: enqueueing a template with data of another
 * shape must not compile. email-contracts.type-test.ts holds such calls, each
 * under a @ts-expect-error. Compiled as it is, it must be clean (every
 * directive met an error); compiled without the directives, each of those
 * lines, and only those, must be an error.
 */
const FILE = path.join(__dirname, 'email-contracts.type-test.ts');
const ROOT = path.join(__dirname, '..', '..', '..', '..');

function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return { ...parsed.options, noEmit: true, incremental: false, tsBuildInfoFile: undefined };
}

/** The file's diagnostics, the file read from `source`, as lines (1-based) with their messages. */
function errors(source: string, options: ts.CompilerOptions, oldProgram?: ts.Program): { lines: number[]; messages: string[]; program: ts.Program } {
  const host = ts.createCompilerHost(options);
  const readFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    path.resolve(fileName) === FILE ? ts.createSourceFile(fileName, source, languageVersion, true) : readFile(fileName, languageVersion, ...rest);
  const program = ts.createProgram({ rootNames: [FILE], options, host, oldProgram });
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(FILE));
  return {
    program,
    lines: diagnostics.map((d) => (d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0)),
    messages: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  };
}

describe('typed email contracts', () => {
  it('refuse, at compile time, every call whose data does not fit its template, and only those', () => {
    const source = ts.sys.readFile(FILE)!;
    const expected = source
      .split('\n')
      .map((line, index) => (line.trim().startsWith('// @ts-expect-error') ? index + 2 : 0))
      .filter((line) => line > 0);
    expect(expected.length).toBeGreaterThanOrEqual(6);

    const options = compilerOptions();
    const asWritten = errors(source, options);
    expect(asWritten.messages).toEqual([]);

    const withoutDirectives = errors(source.replace(/\/\/ @ts-expect-error.*$/gm, '//'), options, asWritten.program);
    expect([...new Set(withoutDirectives.lines)].sort((a, b) => a - b)).toEqual(expected);
  }, 60_000);
});
