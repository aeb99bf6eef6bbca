// Built-in example: one GP, two contracts (avenant 7 in 2021, règlement arbitral in 2023),
// the four functions of the library. Run with `npm run demo`.
import { aidSchedule, checkEligibility, patientTargets, settleYear } from 'aide-assistant-medical';

const euro = (s) => `${Number(s).toLocaleString('fr-FR', { minimumFractionDigits: 2 })} €`.padStart(14);
const line = (s = '') => console.log(s);
const title = (s) => line(`\n${s}\n${'─'.repeat(s.length)}`);

function show(label, signedOn, extra) {
  title(`${label}: a GP (secteur 1) signing on ${signedOn}`);
  const patientele = { medecinTraitant: 920, fileActive: 1350 };

  const eligibility = checkEligibility({ signedOn, specialty: 'medecine-generale', sector: 'secteur-1', patientele, ...extra.eligibility });
  line(`Rule set: ${eligibility.ruleSet}. Eligible: ${eligibility.eligible ? 'yes' : 'no'}; options: ${eligibility.options.join(', ')}`);
  for (const c of eligibility.checks) line(`  ${c.passed ? '✔' : '✘'} ${c.detail}  [${c.reference.provenance}]`);

  const targets = patientTargets({ signedOn, specialty: 'medecine-generale', option: 'half-time', patientele, ...extra.targets });
  line('\nPatient targets, half-time:');
  for (const [measure, t] of Object.entries(targets.targets))
    line(`  ${measure.padEnd(16)} ${t.start} → ${t.target} (+${t.increase}, rate ${t.rate}, ${t.basis})`);
  for (const u of targets.unavailable) line(`  ${u.measure.padEnd(16)} unavailable: ${u.reason}`);

  const schedule = aidSchedule({ signedOn, option: 'half-time', tier: 'standard', ...extra.schedule });
  line('\nAid schedule, half-time (amounts from year 3 are maxima, modulated by the targets):');
  for (const y of schedule.years) {
    const payments = y.payments.map((p) => `${p.kind} ${euro(p.amount).trim()} by ${p.dueBy ?? '(hiring + 15 days)'}`).join('; ');
    line(`  year ${y.year}  ${y.start} → ${y.end} ${euro(y.amount)}  [${y.pricedBy}]  ${payments}`);
  }
  line(`  total${' '.repeat(29)}${euro(schedule.total)}`);

  const t = targets.targets;
  const contractTargets = {};
  const observed = {};
  for (const [measure, value] of Object.entries(t)) {
    contractTargets[measure] = { start: value.start, target: value.target };
    observed[measure] = value.start + Math.round(value.increase / 2);
  }
  const settlement = settleYear({ signedOn, option: 'half-time', tier: 'standard', year: 3, targets: contractTargets, observed });
  line('\nSettlement of year 3, half the required increase reached:');
  line(`  attainment ${JSON.stringify(settlement.attainment)}`);
  line(
    `  annual aid ${euro(settlement.annualAid)}  aid due ${euro(settlement.aidDue)}  advance ${euro(settlement.advance)}  balance ${euro(settlement.balance)} (${settlement.balanceKind})`,
  );

  const warnings = new Set([...eligibility.warnings, ...targets.warnings, ...schedule.warnings, ...settlement.warnings]);
  line(`\nInterpretations and caller-supplied figures used (${warnings.size}):`);
  for (const w of warnings) line(`  • ${w}`);
}

show('Avenant 7 (2019)', '2021-03-01', {
  eligibility: { groupPractice: 'member', coordinatedPractice: 'member', zone: 'none' },
  // The 2019 GP percentiles above P30 are not published in the sources we read: the example supplies
  // hypothetical values, which the result records as caller-supplied.
  targets: { percentiles: { medecinTraitant: { p50: 1000 }, fileActive: { p30: 1000, p50: 1500 } } },
  schedule: { hiredOn: '2021-03-15' },
});
show('Règlement arbitral (2023)', '2023-09-01', { eligibility: {}, targets: {}, schedule: {} });
