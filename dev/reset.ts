/**
 * npm run reset: empties the local site's data folder; the next `npm start` re-imports the 2022 data.
 * Deletes only a folder the local server made (site.json next to lists/), so a wrong
 * LOCAL_SP_DATA (`/`, a home folder, a project) is refused instead of wiped.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type ResetDecision = { action: 'delete' | 'nothing' | 'refuse'; message: string };

/** Whether `dir` may be deleted, and what to tell the user; touches nothing. */
export function resetDecision(dir: string): ResetDecision {
  const refuse = (nl: string, en: string): ResetDecision => ({
    action: 'refuse',
    message: `${nl} Er is niets verwijderd.\n${en} Nothing was deleted.`
  });
  if (!fs.existsSync(dir)) return { action: 'nothing', message: `Niets te verwijderen: ${dir} bestaat niet.` };
  if (!fs.statSync(dir).isDirectory()) return refuse(`${dir} is geen map.`, `${dir} is not a folder.`);
  if (dir === path.parse(dir).root || dir === os.homedir()) {
    return refuse(`${dir} is geen gegevensmap van de lokale site.`, `${dir} is not a local-site data folder.`);
  }
  const entries = fs.readdirSync(dir);
  const isSiteFolder = entries.indexOf('site.json') >= 0 && fs.existsSync(path.join(dir, 'lists'));
  if (entries.length > 0 && !isSiteFolder) {
    return refuse(
      `${dir} is geen gegevensmap van de lokale site (site.json en lists/ ontbreken). Controleer LOCAL_SP_DATA.`,
      `${dir} is not a local-site data folder (no site.json and lists/). Check LOCAL_SP_DATA.`
    );
  }
  return { action: 'delete', message: `Lokale gegevens verwijderd: ${dir}. Volgende \`npm start\` importeert de gegevens van 2022 opnieuw.` };
}

function main(): void {
  const dir = path.resolve(process.env.LOCAL_SP_DATA || '.local-sp');
  const decision = resetDecision(dir);
  if (decision.action === 'refuse') {
    console.error(decision.message);
    process.exit(1);
  }
  if (decision.action === 'delete') fs.rmSync(dir, { recursive: true, force: true });
  console.log(decision.message);
}

if (require.main === module) main();
