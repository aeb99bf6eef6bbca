import { Ajv2020 } from 'ajv/dist/2020.js';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { generatedFiles } from './generate.js';

const root = join(import.meta.dirname, '..');
// Generated when the tests run, not when the file loads.
let files: Record<string, string> = {};
beforeAll(() => {
  files = generatedFiles();
  if (process.env.UPDATE_DOCS === '1') {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }
});
const read = (path: string) => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
};

describe('generated files (npm run docs:generate rewrites them)', () => {
  it('every generated file matches what the library generates', () => {
    expect(Object.keys(files).length).toBeGreaterThan(10);
    for (const [path, content] of Object.entries(files)) expect(read(path), `${path} is stale: run npm run docs:generate`).toBe(content);
  });

  it('lets an auditor find every rule of a result in docs/rules, with its value and source, in one hop', () => {
    const pages = Object.entries(files).filter(([p]) => p.startsWith('docs/rules/') && !p.endsWith('comparison.md'));
    const results = [
      library.aidSchedule({ signedOn: '2022-09-15', option: 'half-time', tier: 'standard', hiredOn: '2022-10-01' }),
      library.settleYear({
        signedOn: '2023-09-01',
        option: 'half-time',
        tier: 'p90-p95',
        year: 4,
        targets: { fileActive: { start: 1, target: 2 } },
        observed: { fileActive: 2 },
      }),
      library.checkEligibility({
        signedOn: '2021-03-01',
        specialty: 'medecine-generale',
        sector: 'secteur-2-optam-co',
        patientele: { medecinTraitant: 700 },
        groupPractice: 'none',
        coordinatedPractice: 'committed',
        zone: 'zip',
      }),
      library.patientTargets({
        signedOn: '2024-09-01',
        specialty: 'medecine-generale',
        option: 'full-time',
        patientele: { medecinTraitant: 920, fileActive: 1350 },
      }),
    ];
    let checked = 0;
    for (const result of results) {
      const explanation = library.explain(result);
      for (const step of result.trace) {
        const page = pages.find(([, content]) => content.includes(`| \`${step.rule}\` |`) && content.includes(step.reference.text));
        if (step.reference.provenance === 'caller-supplied' || !page) continue;
        checked += 1;
        expect(explanation).toContain(`(${step.rule})`);
      }
    }
    expect(checked).toBeGreaterThan(25);
  });
});

describe('JSON Schemas of the inputs', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // The committed schemas (the test above checks that they are what the library generates).
  const schemas = Object.fromEntries(
    readdirSync(join(root, 'schemas'))
      .filter((name) => name.endsWith('.input.schema.json'))
      .map((name) => [name.replace('.input.schema.json', ''), ajv.compile(JSON.parse(read(`schemas/${name}`) ?? '{}') as object)]),
  );
  const fnSchema: Record<string, string> = {
    checkEligibility: 'check-eligibility',
    aidSchedule: 'aid-schedule',
    patientTargets: 'patient-targets',
    settleYear: 'settle-year',
    compareContracts: 'compare-contracts',
  };

  /** Every call `fn({ ... })` of a ts block of the README, with its object literal evaluated. */
  function readmeCalls(): { fn: string; input: unknown }[] {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const calls: { fn: string; input: unknown }[] = [];
    for (const block of readme.matchAll(/```ts\n([\s\S]*?)```/g)) {
      const code = block[1] ?? '';
      for (const match of code.matchAll(/\b(checkEligibility|aidSchedule|patientTargets|settleYear|compareContracts)\(\{/g)) {
        let depth = 0;
        const start = match.index + match[0].length - 1;
        let end = start;
        for (; end < code.length; end += 1) {
          if (code[end] === '{') depth += 1;
          if (code[end] === '}') depth -= 1;
          if (depth === 0) break;
        }
        calls.push({ fn: match[1] ?? '', input: runInNewContext(`(${code.slice(start, end + 1)})`) as unknown });
      }
    }
    return calls;
  }

  it('validates every example of the README, which the library also accepts', () => {
    const calls = readmeCalls();
    expect(new Set(calls.map((c) => c.fn))).toEqual(new Set(Object.keys(fnSchema)));
    for (const { fn, input } of calls) {
      const validate = schemas[fnSchema[fn] ?? ''];
      expect(validate?.(input), `${fn}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      expect(() => (library as unknown as Record<string, (i: unknown) => unknown>)[fn]?.(input)).not.toThrow();
    }
  });

  it('rejects what the library rejects structurally', () => {
    expect(schemas['patient-targets']?.({ signedOn: '2023-09-01', specialty: 'astrologie', option: 'half-time', patientele: {} })).toBe(
      false,
    );
    expect(schemas['settle-year']?.({ signedOn: '2023-9-1', option: 'half-time', year: 3 })).toBe(false);
    expect(schemas['aid-schedule']?.({ signedOn: '2023-09-01', option: 'half-time', surprise: true })).toBe(false);
    expect(schemas['settle-year']?.({ signedOn: '2023-09-01', option: 'half-time', year: 3, advancePaid: '12.345' })).toBe(false);
    expect(
      schemas['check-eligibility']?.({
        signedOn: '2023-09-01',
        specialty: 'cardiologie',
        sector: 'secteur-1',
        patientele: { fileActive: 1.5 },
      }),
    ).toBe(false);
  });
});
