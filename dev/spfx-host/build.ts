/**
 * Builds the page-side modules the local SharePoint page needs besides the shipped bundles and
 * SPFx's own: the shims (shims.ts) and the page application (app/pageApp.ts), each as an
 * anonymous AMD module like the solution's bundles, so sp-loader loads them the same way.
 */
import * as esbuild from 'esbuild';
import * as path from 'path';
import { IShim, SHIMS } from './shims';

/** The page application takes the place of sp-application-base (SharePoint's page code, not on npm). */
export const APP_COMPONENT = { id: '4df9bb86-ab0a-4aab-ab5f-48bf167048fb', version: '1.23.2', name: '@microsoft/sp-application-base' };

/** What the page application requires from SPFx (resolved by the loader, not bundled). */
export const APP_DEPS: Record<string, { id: string; version: string }> = {
  '@microsoft/sp-core-library': { id: '7263c7d0-1d6a-45ec-8d85-d4d1d234171b', version: '1.23.2' },
  '@microsoft/sp-component-base': { id: '467dc675-7cc5-4709-8aac-78e3b71bd2f6', version: '1.23.2' },
  '@microsoft/sp-page-context': { id: '1c4541f7-5c31-41aa-9fa8-fbc9dc14c0a8', version: '1.23.2' },
  '@microsoft/sp-loader': { id: '1c6c9123-7aac-41f3-a376-3caea41ed83f', version: '1.23.2' },
  '@microsoft/sp-webpart-base': { id: '974a7777-0990-4136-8fa6-95d80114c2e0', version: '1.23.2' }
};

export interface IHostModule {
  id: string;
  version: string;
  name: string;
  file: string;
  /** Resource name -> component, for the manifest. */
  deps: Record<string, { id: string; version: string }>;
  contents: string;
}

/** CommonJS output of esbuild as an anonymous AMD module whose `require` of a dependency is the loader's. */
function amd(code: string, deps: string[]): string {
  return (
    `define(${JSON.stringify(deps)}, function () {\n` +
    `var __deps = {}; var __names = ${JSON.stringify(deps)}; for (var i = 0; i < __names.length; i++) __deps[__names[i]] = arguments[i];\n` +
    `var require = function (n) { if (Object.prototype.hasOwnProperty.call(__deps, n)) return __deps[n]; throw new Error('spfx-host: ' + n + ' is not a dependency'); };\n` +
    `var module = { exports: {} }, exports = module.exports;\n${code}\nreturn module.exports;\n});\n`
  );
}

async function bundle(contents: string | undefined, entry: string | undefined, external: string[]): Promise<string> {
  const result = await esbuild.build({
    ...(entry ? { entryPoints: [entry] } : { stdin: { contents: contents || '', resolveDir: __dirname, loader: 'js' } }),
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    // Only the exact names are dependencies (esbuild's `external` would also take `react/jsx-runtime`).
    plugins: [
      {
        name: 'exact-externals',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => (external.indexOf(args.path) >= 0 ? { path: args.path, external: true } : undefined));
        }
      }
    ],
    define: { 'process.env.NODE_ENV': process.env.SPFX_HOST_DEV ? '"development"' : '"production"', global: 'window' },
    logLevel: 'silent'
  });
  return result.outputFiles[0].text;
}

const byName = new Map(SHIMS.map((s) => [s.name, s]));

async function buildShim(s: IShim): Promise<IHostModule> {
  const deps = s.deps || [];
  const code = await bundle(s.source, undefined, deps);
  const depMap: IHostModule['deps'] = {};
  for (const d of deps) {
    const t = byName.get(d) as IShim;
    depMap[d] = { id: t.id, version: t.version };
  }
  return { id: s.id, version: s.version, name: s.name, file: `${s.name.replace(/[@/]/g, '_')}_${s.version}.js`, deps: depMap, contents: amd(code, deps) };
}

let cache: Promise<IHostModule[]> | undefined;

/** The shims and the page application, built once per process. */
export function buildHostModules(): Promise<IHostModule[]> {
  if (!cache) {
    cache = (async () => {
      const shims = await Promise.all(SHIMS.map(buildShim));
      const appDeps = Object.keys(APP_DEPS);
      const appCode = await bundle(undefined, path.join(__dirname, 'app', 'pageApp.ts'), appDeps);
      const app: IHostModule = { ...APP_COMPONENT, file: 'page-application.js', deps: APP_DEPS, contents: amd(appCode, appDeps) };
      return shims.concat([app]);
    })();
    cache.catch(() => {
      cache = undefined;
    });
  }
  return cache;
}
