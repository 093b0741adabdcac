/**
 * Runs the local SharePoint-compatible server alone: `npx tsx dev/server/main.ts`.
 * Options from the environment (see optionsFromEnv); PORT=0 picks a free port.
 * Prints `Local SharePoint site: <url>` once it listens.
 */
import * as path from 'path';
import { createLocalServer, optionsFromEnv } from './index';

async function main(): Promise<void> {
  const env = optionsFromEnv(process.env);
  const server = await createLocalServer({ ...env, dataDir: path.resolve(env.dataDir) });
  console.log(`Local SharePoint site: ${server.siteUrl}`);
  console.log(`Data folder: ${path.resolve(env.dataDir)}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
