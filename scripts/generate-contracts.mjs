// Writes N generated settlement contracts as CSV to standard output, every BROKEN-th row broken
// (an impossible date, a negative count, a target below its start, a missing field, in turn).
// Usage: node scripts/generate-contracts.mjs N [BROKEN] > contracts.csv
const n = Number(process.argv[2] ?? 10000);
const brokenEvery = Number(process.argv[3] ?? 0);
const header =
  'signedOn,option,tier,year,targets.medecinTraitant.start,targets.medecinTraitant.target,observed.medecinTraitant,targets.fileActive.start,targets.fileActive.target,observed.fileActive,advancePaid\n';
const options = ['half-time', 'full-time'];
const tiers = ['standard', 'standard', 'standard', 'p90-p95', 'p95-plus'];
let seed = 42;
const random = (k) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % k;
};
const out = [];
const flush = () => {
  if (out.length > 0) process.stdout.write(out.join(''));
  out.length = 0;
};
process.stdout.write(header);
for (let i = 1; i <= n; i += 1) {
  const year = 2023 + random(3);
  const signedOn = `${String(year)}-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
  const mt = 700 + random(1200);
  const fa = 1100 + random(1800);
  const row = [
    signedOn,
    options[random(2)],
    tiers[random(5)],
    3 + random(3),
    mt,
    mt + 50 + random(300),
    mt + random(400),
    fa,
    fa + 50 + random(400),
    fa + random(500),
    '',
  ];
  if (brokenEvery > 0 && i % brokenEvery === 0) {
    const kind = (i / brokenEvery) % 4;
    if (kind === 0) row[0] = `${String(year)}-02-30`;
    if (kind === 1) row[6] = -5;
    if (kind === 2) row[5] = mt - 1;
    if (kind === 3) row[1] = '';
  }
  out.push(`${row.join(',')}\n`);
  if (out.length === 1000) flush();
}
flush();
