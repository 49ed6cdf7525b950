import 'reflect-metadata';
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '@app/core';
import { platformDataSource } from '@app/platform';
import { withTemporaryServices } from './temporary-services';

/**
 * `npm run migration:check`: fails when the entities and the migrations
 * disagree (run in CI). `npm run migration:generate -- AddSomething`: writes
 * a new migration with the difference, for review.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'check' && command !== 'generate') throw new Error('usage: migrations check | generate <PascalName>');
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) throw new Error('Give the migration a PascalCase name, e.g. AddCityNotes');

  // As the superuser: only the schema is compared, and it is the same whoever made it.
  const { up, down } = await withTemporaryServices({}, async ({ adminUrl }) => {
    const dataSource = platformDataSource(loadConfig({ NODE_ENV: 'test', DATABASE_URL: adminUrl }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const sql = await dataSource.driver.createSchemaBuilder().log();
      return { up: sql.upQueries, down: sql.downQueries };
    } finally {
      await dataSource.destroy();
    }
  });

  if (command === 'check') {
    if (up.length === 0) {
      console.log('Migrations match the entities.');
      return;
    }
    console.error('The entities differ from what the migrations build. Generate a migration (npm run migration:generate -- Name):');
    for (const q of up) console.error(`  ${q.query};`);
    process.exit(1);
  }
  if (up.length === 0) {
    console.log('Nothing to generate: the migrations already match the entities.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const fileBase = `${timestamp}-${name}`;
  const indent = (qs: typeof up) =>
    qs.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${indent(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${indent([...down].reverse())}
  }
}
`;
  await writeFile(join(repoRoot(), 'migrations', `${fileBase}.ts`), source);
  const indexPath = join(repoRoot(), 'migrations', 'index.ts');
  let index = await readFile(indexPath, 'utf8');
  index = `import { ${className} } from './${fileBase}';\n` + index.replace(/\[([^\]]*)\];/, (_m, list: string) => {
    const items = list.split(',').map((s) => s.trim()).filter(Boolean);
    return `[\n  ${[...items, className].join(',\n  ')},\n];`;
  });
  await writeFile(indexPath, index);
  console.log(`Wrote migrations/${fileBase}.ts (${up.length} statements). Read it before you commit it.`);
}

/** The repository root, whether this runs from dist/scripts or scripts/. */
function repoRoot(): string {
  const here = __dirname;
  return here.includes(`${join('dist', 'scripts')}`) ? join(here, '..', '..') : join(here, '..');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
