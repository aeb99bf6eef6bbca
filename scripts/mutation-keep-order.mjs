// Puts the mutation results that Stryker has just written (mutation/stryker-incremental.json) back
// in the order of the committed ones, with their ids: Stryker numbers tests and mutants afresh on
// each run and lists them in its own order, so that a run which changes three mutants would
// otherwise rewrite the whole file (tens of megabytes of diff). Known tests and mutants keep their
// committed id and place; new ones follow, with new ids. Run by `npm run mutation` after Stryker;
// without a committed version (no git, a first run) the file is left as it is.
// Usage: node scripts/mutation-keep-order.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const path = 'mutation/stryker-incremental.json';
const root = new URL('../', import.meta.url);
let before;
try {
  before = JSON.parse(execFileSync('git', ['show', `HEAD:${path}`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 }));
} catch {
  console.log(`${path}: no committed version to follow, left as Stryker wrote it.`);
  process.exit(0);
}
const now = JSON.parse(readFileSync(new URL(path, root), 'utf8'));

/** Ids of `before` by key, and the next free id after them. */
function ids(entries) {
  const byKey = new Map();
  let next = 0;
  for (const [key, id] of entries) {
    byKey.set(key, id);
    next = Math.max(next, Number(id) + 1);
  }
  return { byKey, take: () => String(next++) };
}

/** `items` in the order their keys had in `order`, the new ones after, in their own order. */
function inOrder(items, keyOf, order) {
  const place = new Map(order.map((key, n) => [key, n]));
  const known = items.filter((item) => place.has(keyOf(item))).sort((a, b) => place.get(keyOf(a)) - place.get(keyOf(b)));
  return [...known, ...items.filter((item) => !place.has(keyOf(item)))];
}

/** An object with the keys of `order` first (those it has), then its others. */
function keysInOrder(object, order) {
  const keys = inOrder(Object.keys(object), (k) => k, order);
  return Object.fromEntries(keys.map((k) => [k, object[k]]));
}

// Tests: a test is its file and its name.
const testKey = (file, test) => `${file}\u0000${test.name}`;
const testIds = ids(Object.entries(before.testFiles ?? {}).flatMap(([file, t]) => t.tests.map((test) => [testKey(file, test), test.id])));
const testId = new Map();
for (const [file, t] of Object.entries(now.testFiles ?? {}))
  for (const test of t.tests) testId.set(test.id, testIds.byKey.get(testKey(file, test)) ?? testIds.take());
const testOrder = (file) => (before.testFiles?.[file]?.tests ?? []).map((test) => testKey(file, test));
now.testFiles = keysInOrder(
  Object.fromEntries(
    Object.entries(now.testFiles ?? {}).map(([file, t]) => [
      file,
      {
        ...t,
        tests: inOrder(
          t.tests.map((test) => ({ ...test, id: testId.get(test.id) })),
          (test) => testKey(file, test),
          testOrder(file),
        ),
      },
    ]),
  ),
  Object.keys(before.testFiles ?? {}),
);

// Mutants: a mutant is its file, mutator, replacement and place.
const mutantKey = (file, m) => `${file}\u0000${m.mutatorName}\u0000${String(m.replacement)}\u0000${JSON.stringify(m.location)}`;
const beforeMutants = new Map(Object.entries(before.files ?? {}).flatMap(([file, f]) => f.mutants.map((m) => [mutantKey(file, m), m])));
const mutantIds = ids([...beforeMutants].map(([key, m]) => [key, m.id]));
/** Test ids as the committed mutant listed them when they are the same set, sorted otherwise. */
const tests = (list, committed) => {
  if (list === undefined) return undefined;
  const mapped = list.map((id) => testId.get(id) ?? id);
  const same = committed !== undefined && committed.length === mapped.length && committed.every((id) => mapped.includes(id));
  return same ? committed : mapped.sort((a, b) => Number(a) - Number(b));
};
now.files = keysInOrder(
  Object.fromEntries(
    Object.entries(now.files).map(([file, f]) => {
      const order = (before.files?.[file]?.mutants ?? []).map((m) => mutantKey(file, m));
      const mutants = f.mutants.map((m) => {
        const key = mutantKey(file, m);
        const old = beforeMutants.get(key);
        const out = { ...m, id: old?.id ?? mutantIds.take() };
        if (m.coveredBy !== undefined) out.coveredBy = tests(m.coveredBy, old?.coveredBy);
        if (m.killedBy !== undefined) out.killedBy = tests(m.killedBy, old?.killedBy);
        return out;
      });
      return [file, { ...f, mutants: inOrder(mutants, (m) => mutantKey(file, m), order) }];
    }),
  ),
  Object.keys(before.files ?? {}),
);
writeFileSync(new URL(path, root), `${JSON.stringify(now, null, 2)}\n`);
console.log(`${path}: put back in the committed order, with the committed ids.`);
