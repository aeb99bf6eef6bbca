// `batch --jobs N`: the command line's own bundle, run as a process, computes in worker threads;
// its output and its per-row errors are those of one job, in input order.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'aam-jobs-'));
const cli = join(dir, 'cli.mjs');

beforeAll(async () => {
  // The same entry point as dist/cli.js, bundled whole so that it runs from a temporary folder.
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  // 1 300 contracts (three chunks of rows), a broken row every 250, an unreadable one and an impossible date.
  const lines = ['signedOn,option,tier,year,targets.medecinTraitant.start,targets.medecinTraitant.target,observed.medecinTraitant'];
  for (let i = 0; i < 1300; i += 1) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    if (i % 250 === 7) lines.push(`2023-09-${day},half-time,standard,3,900`);
    else if (i === 600) lines.push('2023-02-30,half-time,standard,3,900,1000,950');
    else
      lines.push(
        `2023-09-${day},${i % 2 ? 'half-time' : 'full-time'},standard,${String(3 + (i % 3))},900,${String(1000 + (i % 50))},${String(900 + (i % 120))}`,
      );
  }
  writeFileSync(join(dir, 'contracts.csv'), `${lines.join('\n')}\n`);
}, 60_000);

function batch(jobs: number, ...flags: string[]) {
  const out = join(dir, `out-${String(jobs)}-${flags.join('')}.csv`);
  const run = spawnSync(
    process.execPath,
    [cli, 'batch', 'settle', join(dir, 'contracts.csv'), '--jobs', String(jobs), '--out', out, ...flags],
    {
      encoding: 'utf8',
    },
  );
  return { code: run.status, stderr: run.stderr, out: readFileSync(out, 'utf8') };
}

describe('batch --jobs N (worker threads)', () => {
  it('writes the same rows, in input order, with the same per-row errors, as one job', () => {
    const one = batch(1, '--lang', 'en');
    const two = batch(2, '--lang', 'en');
    const four = batch(4, '--lang', 'en');
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    expect(four).toEqual(one);
    const rows = one.out.trim().split('\n');
    expect(rows).toHaveLength(1301);
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual(Array.from({ length: 1300 }, (_, i) => i + 1));
    expect(one.stderr).toContain('row 8 (line 9): the row has 5 fields, the header 7');
    expect(one.stderr).toContain('row 601 (line 602): INVALID_INPUT at signedOn: 2023-02-30 does not exist in the calendar');
    expect(one.stderr.trim().split('\n').at(-1)).toBe('1300 rows, 1293 passed, 7 failed');
  }, 60_000);

  it('speaks French by default in workers too', () => {
    const two = batch(2);
    expect(two.stderr).toContain("rang 601 (ligne 602) : INVALID_INPUT en signedOn : le 2023-02-30 n'existe pas dans le calendrier");
    expect(two.out).toEqual(batch(1).out);
  }, 60_000);

  it('refuses a number of jobs that is not one', () => {
    const run = spawnSync(process.execPath, [cli, 'batch', 'settle', join(dir, 'contracts.csv'), '--jobs', '0', '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--jobs is a number of workers from 1 to 64');
  });

  it('runs a single command in the bundle as the package does', () => {
    expect(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
