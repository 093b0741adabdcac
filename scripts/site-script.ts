/** Writes sharepoint/site-script.json from src/schema (run by `npm run build`; a test keeps it current). */
import * as fs from 'fs';
import * as path from 'path';
import { buildSiteScript } from '../tools/schema/siteScript';

const out = path.resolve(__dirname, '../sharepoint/site-script.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(buildSiteScript(), undefined, 2) + '\n');
console.log(`Site script: ${path.relative(process.cwd(), out)}`);
