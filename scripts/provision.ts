/**
 * npm run provision -- [--site <url>] [--token <bearer>]
 * Creates or completes the lists of src/schema on the site (idempotent, additive).
 */
import { createSp } from '../src/data/node';
import { ensureSchema } from '../src/data/ensureSchema';
import { fail, parseArgs, siteFrom, tokenFrom } from './cli';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const site = siteFrom(args);
  try {
    const result = await ensureSchema(createSp(site, tokenFrom(args)), (line) => console.log(`  ${line}`));
    console.log(
      result.changes.length === 0
        ? `Lijsten zijn in orde (schemaversie ${result.schemaVersion}); niets gewijzigd. / Lists are up to date; nothing changed.`
        : `${result.changes.length} wijziging(en) aangebracht (schemaversie ${result.schemaVersion}). / ${result.changes.length} change(s) made.`
    );
  } catch (e) {
    fail(e, site);
  }
}

void main();
