import * as vm from 'node:vm';

type Importer = (specifier: string) => Promise<unknown>;

/*
 * The PostgreSQL binaries package and maildev are ESM-only. TypeScript compiling to
 * CommonJS rewrites a literal `import()` into `require()`, which cannot load
 * them (and Jest's own `require` refuses ESM). Building the `import()` inside
 * a Function hides it from the compiler, so Node's real ESM loader runs and
 * resolves the specifier from this file's location.
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as Importer;

let mainContextImport: Importer | undefined;

/** Loads an ESM-only package from CommonJS code. */
export async function importEsm<T>(specifier: string): Promise<T> {
  try {
    return (await nativeImport(specifier)) as T;
  } catch (error) {
    if (!isMissingVmImportCallback(error)) throw error;
    return (await importThroughMainContext(specifier)) as T;
  }
}

/*
 * Inside Jest the code runs in a vm context where `import()` is refused unless
 * Node runs with --experimental-vm-modules. Node >= 20.12 offers the main
 * context's default loader to vm scripts; `filename` makes bare specifiers
 * resolve from this file rather than from the working directory.
 */
function importThroughMainContext(specifier: string): Promise<unknown> {
  mainContextImport ??= compileMainContextImport();
  return mainContextImport(specifier);
}

function compileMainContextImport(): Importer {
  const loader = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  if (loader === undefined) {
    throw new Error('Cannot load ESM packages inside this vm context: this Node.js lacks vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER; use Node >= 20.19 or run Jest with --experimental-vm-modules');
  }
  return vm.runInThisContext('(specifier) => import(specifier)', {
    filename: __filename,
    importModuleDynamically: loader,
  }) as Importer;
}

function isMissingVmImportCallback(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING');
}
