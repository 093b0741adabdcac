/** npm run reset: empties the local site's data folder; the next `npm start` re-imports the 2022 data. */
import * as fs from 'fs';
import * as path from 'path';

const dir = path.resolve(process.env.LOCAL_SP_DATA || '.local-sp');
if (fs.existsSync(dir)) {
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`Lokale gegevens verwijderd: ${dir}. Volgende \`npm start\` importeert de gegevens van 2022 opnieuw.`);
} else {
  console.log(`Niets te verwijderen: ${dir} bestaat niet.`);
}
