import { defineConfig } from 'tsup';

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
]);
