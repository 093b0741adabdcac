/**
 * npm run provision -- [--site <url>] [--token <bearer>] [--everyone-reads] [--tenant-id <guid>]
 * Creates or completes the lists of src/schema on the site (idempotent, additive), then the
 * permission model (src/data/permissions.ts): the group "Organisatiebeheersing – beheerders" with
 * Contribute; with --everyone-reads also "Everyone except external users" in the Visitors group.
 */
import { createSp } from '../tools/data/node';
import { ensureSchema } from '../src/data/ensureSchema';
import { ensurePermissions } from '../src/data/permissions';
import { LOCAL_TENANT_ID } from '../tools/localTenant';
import { fail, flag, parseArgs, siteFrom, tokenFrom } from './cli';

/** The tenant id for --everyone-reads: --tenant-id, else the access token's `tid`, else (no token: the local site) the local tenant. */
export function tenantIdFor(tenantIdFlag: string | undefined, token: string | undefined): string | undefined {
  if (tenantIdFlag) return tenantIdFlag;
  if (!token) return LOCAL_TENANT_ID;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { tid?: string };
    return payload.tid;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const site = siteFrom(args);
  const token = tokenFrom(args);
  try {
    const sp = createSp(site, token);
    const result = await ensureSchema(sp, (line) => console.log(`  ${line}`));
    const everyoneReads = args.flags['everyone-reads'] === true || flag(args, 'everyone-reads') === 'true';
    const permissions = await ensurePermissions(sp, { everyoneReads, tenantId: everyoneReads ? tenantIdFor(flag(args, 'tenant-id'), token) : undefined }, (line) => console.log(`  ${line}`));
    const total = result.changes.length + permissions.length;
    console.log(
      total === 0
        ? `Lijsten en machtigingen zijn in orde (schemaversie ${result.schemaVersion}); niets gewijzigd. / Lists and permissions are up to date; nothing changed.`
        : `${total} wijziging(en) aangebracht (schemaversie ${result.schemaVersion}). / ${total} change(s) made.`
    );
  } catch (e) {
    fail(e, site);
  }
}

if (require.main === module) void main();
