import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/*
 * A lib reads and writes only its own tables. Another context's rows come
 * from their owner: a service method, or, where a statement must stay one
 * statement, SQL the owner lends (`isWorkspaceMemberSql`, `recipientsAmong`).
 * Reports SQL text naming another lib's table (FROM, JOIN, INTO, UPDATE) and
 * TypeORM calls (queries, joins, an injected repository) on another lib's
 * entity class. libs/platform (the
 * composition root, which seeds every table) and the tests are exempt.
 */

const ROOT = process.cwd();
const snake = (name) => name.replace(/(?<!^)(?=[A-Z])/g, '_').toLowerCase();
const ORM_CALLS = new Set([
  'find', 'findOne', 'findBy', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'count', 'countBy', 'exists', 'existsBy',
  'getRepository', 'insert', 'update', 'delete', 'save', 'upsert', 'increment', 'decrement', 'createQueryBuilder', 'from', 'into',
  'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect', 'innerJoinAndMapOne', 'innerJoinAndMapMany', 'leftJoinAndMapOne', 'leftJoinAndMapMany',
]);
/** Calls by name that take an entity class: a repository injected for another lib's entity reads its table. */
const ENTITY_FUNCTIONS = new Set(['InjectRepository']);
/** A table after FROM, JOIN, INTO or UPDATE, in any case, with or without its schema; FROM may list several, comma-separated. */
const SQL = /\b(?:from|join|into|update)\s+((?:"?(?:public\.)?[a-z_]+"?(?:\s+(?:as\s+)?[a-z_]+)?\s*,\s*)*"?(?:public\.)?[a-z_]+)/gi;
const tablesIn = (text) =>
  [...text.matchAll(SQL)].flatMap((m) => m[1].split(',').map((part) => part.trim().split(/\s+/)[0].replace(/"/g, '').replace(/^public\./i, '').toLowerCase()));

let owners;
/** Which lib owns each table and each entity class, read from the entities' decorators. */
function ownersOf() {
  if (owners) return owners;
  owners = { tables: new Map(), classes: new Map() };
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  for (const lib of readdirSync(join(ROOT, 'libs'))) {
    for (const file of walk(join(ROOT, 'libs', lib, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/@Entity\((?:\{ name: )?(?:'([a-z_]+)')?[^)]*\)[\s\S]*?export class (\w+)/g)) {
        owners.tables.set(m[1] ?? snake(m[2]), lib);
        owners.classes.set(m[2], lib);
      }
    }
  }
  return owners;
}

function libOf(filename) {
  const parts = relative(ROOT, filename).split(sep);
  return parts[0] === 'libs' ? parts[1] : null;
}

export default {
  meta: { type: 'problem', docs: { description: 'A lib queries only its own tables.' }, schema: [] },
  create(context) {
    const lib = libOf(context.filename);
    if (!lib || lib === 'platform' || lib === 'dev-services' || /\.spec\.ts$/.test(context.filename)) return {};
    const { tables, classes } = ownersOf();
    const checkSql = (node, text) => {
      for (const table of tablesIn(text)) {
        const owner = tables.get(table);
        if (owner && owner !== lib) {
          context.report({ node, message: `libs/${lib} names libs/${owner}'s table ${table}: ask libs/${owner} for it (a service method, or SQL it lends).` });
        }
      }
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') checkSql(node, node.value);
      },
      TemplateElement(node) {
        checkSql(node, node.value.raw);
      },
      CallExpression(node) {
        const callee = node.callee;
        const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : null;
        const fn = callee.type === 'Identifier' ? callee.name : null;
        const first = node.arguments[0];
        if (!(method && ORM_CALLS.has(method)) && !(fn && ENTITY_FUNCTIONS.has(fn))) return;
        if (first?.type !== 'Identifier') return;
        const owner = classes.get(first.name);
        if (owner && owner !== lib) {
          context.report({ node, message: `libs/${lib} queries libs/${owner}'s entity ${first.name}: ask libs/${owner} for it (a service method, or SQL it lends).` });
        }
      },
    };
  },
};
