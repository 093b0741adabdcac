/**
 * Bundles the local workbench with esbuild: the real web part components and data
 * code (src/), plus the local list forms (dev/forms). SPFx-only pieces are replaced
 * the way SharePoint would provide them: loc modules resolve to the loc files.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

export interface IBundle {
  contents: Uint8Array;
  contentType: string;
}

/** SPFx loc files are AMD; the workbench picks nl-nl or en-us at run time (?locale=en-us). */
const locPlugin: esbuild.Plugin = {
  name: 'spfx-loc',
  setup(build) {
    build.onResolve({ filter: /^[A-Za-z]+(WebPart|AdaptiveCardExtension)Strings$/ }, (args) => ({ path: args.path, namespace: 'spfx-loc' }));
    build.onLoad({ filter: /.*/, namespace: 'spfx-loc' }, (args) => {
      const ace = /AdaptiveCardExtensionStrings$/.test(args.path);
      const name = args.path.replace(/(WebPart|AdaptiveCardExtension)Strings$/, '');
      const folder = path.join(ROOT, ace ? 'src/adaptiveCardExtensions' : 'src/webparts', name.charAt(0).toLowerCase() + name.slice(1), 'loc');
      const load = (locale: string): string => {
        const src = fs.readFileSync(path.join(folder, `${locale}.js`), 'utf8');
        return `(function(){var __r;function define(d,f){__r=f();}\n${src}\nreturn __r;})()`;
      };
      return {
        contents:
          `var nl = ${load('nl-nl')};\nvar en = ${load('en-us')};\n` +
          `var w = typeof window !== 'undefined' ? window : {};\n` +
          `module.exports = (w.__WORKBENCH__ && w.__WORKBENCH__.locale === 'en-us') ? en : nl;`,
        loader: 'js',
        resolveDir: folder
      };
    });
  }
};

/** *.module.scss as SPFx compiles it: sass, then CSS modules (local class names). */
const scssPlugin: esbuild.Plugin = {
  name: 'scss-modules',
  setup(build) {
    build.onLoad({ filter: /\.scss$/ }, async (args) => {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const sass = require('sass') as { compile: (p: string, o?: object) => { css: string } };
      const css = sass.compile(args.path, { loadPaths: [path.join(ROOT, 'node_modules')] }).css;
      return { contents: css, loader: /\.module\.scss$/.test(args.path) ? 'local-css' : 'css' };
    });
  }
};

export const ENTRIES: Record<string, string> = {
  app: path.join(__dirname, 'entry.tsx'),
  forms: path.join(__dirname, 'formsEntry.tsx'),
  // Its own bundle: the adaptivecards renderer is only needed on /workbench/card.
  card: path.join(__dirname, 'cardEntry.ts')
};

export async function buildWorkbench(minify: boolean = false): Promise<Record<string, IBundle>> {
  const result = await esbuild.build({
    entryPoints: ENTRIES,
    bundle: true,
    write: false,
    outdir: '/workbench-out',
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify,
    sourcemap: minify ? false : 'inline',
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"', global: 'window' },
    plugins: [locPlugin, scssPlugin],
    logLevel: 'silent',
    metafile: true
  });
  const out: Record<string, IBundle> = {};
  for (const f of result.outputFiles) {
    const name = path.basename(f.path);
    out[name] = { contents: f.contents, contentType: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8' };
  }
  return out;
}
