import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { appsScriptFooter } from './src/sheets/footer';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The command line. The CSV library is bundled in, so the package's runtime dependencies
    // stay zod and decimal.js.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    noExternal: ['csv-parse'],
    sourcemap: true,
  },
  {
    // Global bundle for script hosts without modules (Google Apps Script, <script> tags).
    entry: { 'aide-assistant-medical': 'src/index.ts' },
    format: ['iife'],
    globalName: 'AideAssistantMedical',
    minify: true,
    target: 'es2019',
    platform: 'neutral',
    noExternal: [/.*/],
    outExtension: () => ({ js: '.global.js' }),
  },
  {
    // One file to paste into Google Apps Script: the cell functions' global bundle, then the
    // top-level functions with their @customfunction documentation.
    entry: { 'apps-script': 'src/sheets/cells.ts' },
    format: ['iife'],
    globalName: 'AideAssistantMedicalSheets',
    minify: true,
    target: 'es2019',
    platform: 'neutral',
    noExternal: [/.*/],
    outExtension: () => ({ js: '.iife.js' }),
    onSuccess: () => {
      const bundle = readFileSync('dist/apps-script.iife.js', 'utf8');
      writeFileSync('dist/aide-assistant-medical.gs', `${bundle}${appsScriptFooter('AideAssistantMedicalSheets')}`);
      rmSync('dist/apps-script.iife.js');
      return Promise.resolve();
    },
  },
]);
