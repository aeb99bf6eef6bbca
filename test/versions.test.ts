import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aidSchedule, ruleSets } from '../src/index.js';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const lockPath = join(import.meta.dirname, 'rule-tables.lock.json');

/** The content fingerprint of each table: a change of any row changes it. */
const fingerprints: Record<string, { version: string; sha256: string }> = Object.fromEntries(
  Object.values(ruleSets).map((r) => [
    r.id,
    { version: r.version, sha256: createHash('sha256').update(JSON.stringify(r.table)).digest('hex') },
  ]),
);

describe('version stamps', () => {
  it('gives every result the trace format, library and table versions', () => {
    const result = aidSchedule({ signedOn: '2022-09-15', option: 'half-time', tier: 'standard', hiredOn: '2022-10-01' });
    expect(result.traceVersion).toBe(2);
    expect(result.libraryVersion).toBe(pkg.version);
    // The contract's table, and the 2024 table that priced its later years.
    expect(result.ruleTables).toEqual({
      'avenant-7-2019': ruleSets['avenant-7-2019'].version,
      'convention-2024': ruleSets['convention-2024'].version,
    });
  });

  it('changes a table version whenever the table changes (run with UPDATE_LOCK=1 after bumping it)', () => {
    if (process.env.UPDATE_LOCK === '1') writeFileSync(lockPath, `${JSON.stringify(fingerprints, null, 2)}\n`);
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof fingerprints;
    for (const [id, now] of Object.entries(fingerprints)) {
      const locked = lock[id];
      if (locked?.sha256 !== now.sha256) {
        expect.soft(now.version, `${id}: the table changed; bump its version, then UPDATE_LOCK=1`).not.toBe(locked?.version);
      }
      expect(now, `${id}: the lock file is stale; run UPDATE_LOCK=1`).toEqual(locked);
    }
  });
});
