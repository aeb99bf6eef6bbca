// Builds the simulator page: one self-contained HTML file (dist/simulateur.html) holding its
// style and its script (the library and the page's code, bundled and minified). No network at
// run time: it opens from file:// and works offline.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Builds the page and returns its path and size in bytes. */
export async function buildPage() {
  const bundle = await build({
    entryPoints: [join(root, 'page/app.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    define: { __LIBRARY_VERSION__: JSON.stringify(version) },
  });
  const script = bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const style = readFileSync(join(root, 'page/simulateur.css'), 'utf8');
  const template = readFileSync(join(root, 'page/simulateur.html'), 'utf8');
  // Replacement functions: the bundle's own "$&"-like sequences stay as written.
  const html = template.replace('/*STYLE*/', () => style).replace('/*APP*/', () => script);
  const out = join(root, 'dist/simulateur.html');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { path: out, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { path, bytes } = await buildPage();
  console.log(`${path}: ${(bytes / 1024).toFixed(1)} KiB`);
}
