// Generators of the files derived from the library: the rules reference (docs/rules/), the
// worked examples (docs/examples.md) and the JSON Schemas of the inputs (schemas/). They run
// the library itself, so the files cannot drift from it: test/docs.test.ts fails when a file
// on disk differs, and `npm run docs:generate` rewrites them.
import * as z from 'zod/mini';
import { compareSchema } from '../src/compare/compareContracts.js';
import { schema as eligibilitySchema } from '../src/eligibility/checkEligibility.js';
import { collectiveSchema as collectiveEligibilitySchema } from '../src/eligibility/collective.js';
import { collectiveScheduleSchema } from '../src/schedule/collective.js';
import { collectiveSettleSchema } from '../src/settlement/collective.js';
import { collectiveTargetsSchema } from '../src/targets/collective.js';
import {
  aidSchedule,
  checkEligibility,
  compareContracts,
  explain,
  patientTargets,
  ruleSets,
  settleYear,
  type MeasureTarget,
  type AnyRuleSet,
  type RuleRow,
} from '../src/index.js';
import { schema as scheduleSchema } from '../src/schedule/aidSchedule.js';
import { schema as settleSchema } from '../src/settlement/settleYear.js';
import { tableRows } from '../src/rules/rows.js';
import { schema as targetsSchema } from '../src/targets/patientTargets.js';
import { FOUR_GPS } from './fixtures.js';

const SECTION_TITLES: Record<string, string> = {
  contractYears: 'Contract',
  newOptions: 'Options',
  amounts: 'Amounts (euros per contract year)',
  tierEdges: 'Amount tier',
  tierMeasure: 'Amount tier',
  gpPercentiles: 'Known GP percentiles',
  eligibility: 'Eligibility',
  targets: 'Patient targets',
  payments: 'Payments',
  settlement: 'Settlement',
  revaluation: 'Revaluation of running contracts',
  transfer: 'Running contracts moving to this regime',
};

const PROVENANCE_NOTE = `Provenance levels: **legal-text** (read in the legal text), **official-guidance** (Assurance
Maladie publications), **secondary** (unions, press, consistent across sources),
**interpretation** (the library's documented reading where the sources are silent; always
named in a result's \`warnings\` when used).`;

const HEADER = '<!-- Generated from the rule tables by `npm run docs:generate`; do not edit by hand. -->';

function groupDigits(n: string): string {
  return n.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A row's value as an auditor reads it. */
export function valueText(row: RuleRow<unknown>): string {
  const v = row.value;
  if (row.id.startsWith('amount.')) return `${groupDigits(String(v))} €`;
  if (/^targets\.rate\./.test(row.id)) return `${(Number(v) * 100).toFixed(1).replace(/\.0$/, '')} %`;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (v !== null && typeof v === 'object') {
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
      .join('; ');
  }
  return String(v);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function referenceText(row: RuleRow<unknown>): string {
  const r = row.reference;
  const title = r.url ? `[${r.text}](${r.url})` : r.text;
  return r.article ? `${title}, ${r.article}` : title;
}

function rulesPage(ruleSet: AnyRuleSet): string {
  const lines = [
    HEADER,
    '',
    `# ${ruleSet.title} — \`${ruleSet.id}\``,
    '',
    `- Instrument: ${ruleSet.instrument}`,
    `- Applies to contracts signed from ${ruleSet.appliesFrom} to ${ruleSet.appliesTo ?? 'today (still in force)'}`,
    `- Table version: ${ruleSet.version}`,
    `- Reference: ${ruleSet.reference.text}${ruleSet.reference.article ? `, ${ruleSet.reference.article}` : ''} (${ruleSet.reference.provenance})`,
    '',
    '## Sources',
    '',
    ...ruleSet.sources.map((s) => `- ${s.url ? `[${s.text}](${s.url})` : s.text} (${s.provenance})`),
    '',
    PROVENANCE_NOTE,
  ];
  const rows = tableRows(ruleSet.table);
  const sections = [...new Set(rows.map((r) => SECTION_TITLES[r.section] ?? r.section))];
  for (const section of sections) {
    lines.push(
      '',
      `## ${section}`,
      '',
      '| rule | what it says | value | in force | provenance | reference |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const { row } of rows.filter((r) => (SECTION_TITLES[r.section] ?? r.section) === section)) {
      const provenance =
        row.withdrawn === undefined
          ? row.reference.provenance
          : `${row.reference.provenance}, **withdrawn**: ${row.withdrawn} (used only on the caller's opt-in)`;
      lines.push(
        `| \`${row.id}\` | ${cell(row.label)} | ${cell(valueText(row))} | ${row.from} → ${row.to ?? '…'} | ${cell(provenance)} | ${cell(referenceText(row))} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function comparisonPage(): string {
  const sets = Object.values(ruleSets);
  const byId = new Map<string, Map<string, RuleRow<unknown>>>();
  for (const set of sets) {
    for (const { row } of tableRows(set.table)) {
      const entry = byId.get(row.id) ?? new Map<string, RuleRow<unknown>>();
      entry.set(set.id, row);
      byId.set(row.id, entry);
    }
  }
  const lines = [
    HEADER,
    '',
    '# The regimes side by side',
    '',
    `Each rule of the ${String(sets.length)} tables, by id: its value and provenance in each regime ("—": the regime has no such rule).
Pages per regime: ${sets.map((s) => `[${s.title}](${s.id}.md)`).join(', ')}.`,
    '',
    `| rule | ${sets.map((s) => `${s.title} (${s.appliesFrom} → ${s.appliesTo ?? '…'})`).join(' | ')} |`,
    `| --- | ${sets.map(() => '---').join(' | ')} |`,
  ];
  for (const [id, entry] of byId) {
    const cells = sets.map((s) => {
      const row = entry.get(s.id);
      return row ? `${cell(valueText(row))} *(${row.reference.provenance})*` : '—';
    });
    lines.push(`| \`${id}\` | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function indexPage(): string {
  return `${HEADER}

# Rules reference

Every figure and rule the library applies, generated from its rule tables. A result's trace
names each rule by id (e.g. \`amount.half-time.year3plus\`); find that id in the page of the
regime to read its value, dates and source.

${Object.values(ruleSets)
  .map((s) => `- [${s.title}](${s.id}.md): contracts signed ${s.appliesFrom} → ${s.appliesTo ?? '…'} (table ${s.version})`)
  .join('\n')}
- [The regimes side by side](comparison.md)

${PROVENANCE_NOTE}
`;
}

interface Example {
  readonly title: string;
  readonly specialty: 'medecine-generale' | 'cardiologie';
  readonly signedOn: string;
  readonly extra: Record<string, unknown>;
  readonly percentiles?: Record<string, Record<string, number>>;
  readonly patientele: { medecinTraitant?: number; fileActive: number };
}

const EXAMPLES: Example[] = [
  {
    title: 'A GP under avenant 7 (signed 2021-03-01)',
    specialty: 'medecine-generale',
    signedOn: '2021-03-01',
    extra: { groupPractice: 'member', coordinatedPractice: 'member', zone: 'none' },
    percentiles: { medecinTraitant: { p50: 1000 }, fileActive: { p30: 1000, p50: 1500 } },
    patientele: { medecinTraitant: 920, fileActive: 1350 },
  },
  {
    title: 'A GP under the règlement arbitral (signed 2023-09-01)',
    specialty: 'medecine-generale',
    signedOn: '2023-09-01',
    extra: {},
    patientele: { medecinTraitant: 920, fileActive: 1350 },
  },
  {
    title: 'A GP under the 2024 convention (signed 2024-09-01)',
    specialty: 'medecine-generale',
    signedOn: '2024-09-01',
    extra: {},
    patientele: { medecinTraitant: 920, fileActive: 1350 },
  },
  {
    title: 'A cardiologist under avenant 7 (signed 2021-03-01)',
    specialty: 'cardiologie',
    signedOn: '2021-03-01',
    extra: { groupPractice: 'member', coordinatedPractice: 'committed', zone: 'none' },
    percentiles: { fileActive: { p30: 1800, p50: 2400, p70: 3000, p90: 3800, p95: 4300 } },
    patientele: { fileActive: 2200 },
  },
  {
    title: 'A cardiologist under the règlement arbitral (signed 2023-09-01)',
    specialty: 'cardiologie',
    signedOn: '2023-09-01',
    extra: {},
    percentiles: { fileActive: { p30: 1800, p50: 2400, p90: 3800, p95: 4300 } },
    patientele: { fileActive: 2200 },
  },
  {
    title: 'A cardiologist under the 2024 convention (signed 2024-09-01)',
    specialty: 'cardiologie',
    signedOn: '2024-09-01',
    extra: {},
    percentiles: { fileActive: { p30: 1800, p50: 2400, p90: 3800, p95: 4300 } },
    patientele: { fileActive: 2200 },
  },
];

function json(value: unknown): string {
  return ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
}

function examplesPage(): string {
  const lines = [
    HEADER,
    '',
    '# Worked examples',
    '',
    `Generated by running the library: a GP and a cardiologist under each regime, half-time. The
specialists' percentiles (and the 2019 GP percentiles above P30) are not published in the
sources the library encodes: the examples supply **hypothetical** values, which the results
record as caller-supplied. Year 3 is settled with half of each required increase reached.`,
  ];
  for (const ex of EXAMPLES) {
    const common = { signedOn: ex.signedOn, specialty: ex.specialty, ...(ex.percentiles ? { percentiles: ex.percentiles } : {}) };
    const eligibilityInput = { ...common, sector: 'secteur-1', patientele: ex.patientele, ...ex.extra } as Parameters<
      typeof checkEligibility
    >[0];
    const targetsInput = { ...common, option: 'half-time', patientele: ex.patientele } as Parameters<typeof patientTargets>[0];
    const eligibility = checkEligibility(eligibilityInput);
    const targets = patientTargets(targetsInput);
    const schedule = aidSchedule({ signedOn: ex.signedOn, option: 'half-time', tier: 'standard' });
    const contractTargets: Record<string, { start: number; target: number }> = {};
    const observed: Record<string, number> = {};
    for (const [measure, t] of Object.entries(targets.targets) as [string, MeasureTarget][]) {
      contractTargets[measure] = { start: t.start, target: t.target };
      observed[measure] = t.start + Math.round(t.increase / 2);
    }
    const settleInput = {
      signedOn: ex.signedOn,
      option: 'half-time',
      tier: 'standard',
      year: 3,
      targets: contractTargets,
      observed,
    } as Parameters<typeof settleYear>[0];
    const settlement = settleYear(settleInput);
    lines.push('', `## ${ex.title}`, '', '### Eligibility', '', json(eligibilityInput), '');
    lines.push(`Eligible: **${eligibility.eligible ? 'yes' : 'no'}**, options: ${eligibility.options.join(', ') || '—'}.`, '');
    for (const c of eligibility.checks) lines.push(`- ${c.passed ? '✔' : '✘'} ${c.detail} (\`${c.rule}\`, ${c.reference.provenance})`);
    lines.push(
      '',
      '### Patient targets, half-time',
      '',
      json(targetsInput),
      '',
      '| measure | start | increase | target | rate | basis |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const [measure, t] of Object.entries(targets.targets) as [string, MeasureTarget][])
      lines.push(`| ${measure} | ${String(t.start)} | +${String(t.increase)} | ${String(t.target)} | ${t.rate ?? '—'} | ${t.basis} |`);
    for (const u of targets.unavailable) lines.push(`| ${u.measure} | — | — | — | — | unavailable: ${cell(u.reason)} |`);
    lines.push(
      '',
      '### Aid schedule, half-time, standard tier',
      '',
      '| year | from | to | amount | priced by | payments |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const y of schedule.years) {
      const payments = y.payments
        .map(
          (p) =>
            `${p.kind} ${p.amount} by ${p.dueBy ?? `hiring + ${String(p.dueWithinDaysOfHiring)} days`}${p.conditional ? ' (max.)' : ''}`,
        )
        .join('; ');
      lines.push(`| ${String(y.year)} | ${y.start} | ${y.end} | ${y.amount} | ${y.pricedBy} | ${payments} |`);
    }
    lines.push(`| total | | | ${schedule.total} | | |`);
    lines.push('', '### Settlement of year 3', '', json(settleInput), '', '```text', explain(settlement).trimEnd(), '```');
  }
  lines.push(...groupExample());
  return `${lines.join('\n')}\n`;
}

/** The collective contract of a group of four GPs, and its comparison with individual contracts. */
function groupExample(): string[] {
  const members = FOUR_GPS;
  const eligibilityInput = {
    contract: 'collective',
    signedOn: '2026-12-01',
    structure: 'scm',
    members: members.map((m) => ({
      id: m.id,
      specialty: 'medecine-generale' as const,
      sector: m.sector,
      patientele: m.patientele,
      ...('hostsDocteurJunior' in m ? { hostsDocteurJunior: m.hostsDocteurJunior } : {}),
    })),
  } as const;
  const eligibility = checkEligibility(eligibilityInput);
  const schedule = aidSchedule({ contract: 'collective', signedOn: '2026-12-01', etp: 4 });
  const targets = patientTargets({
    contract: 'collective',
    signedOn: '2026-12-01',
    etp: 4,
    members: members.map((m) => ({ id: m.id, patientele: m.patientele })),
  });
  const comparison = compareContracts({ signedOn: '2026-12-01', structure: 'scm', etp: 4, members });
  const lines = [
    '',
    '## A group of four GPs: collective contract (signed 2026-12-01)',
    '',
    '### Eligibility',
    '',
    json(eligibilityInput),
    '',
    `Eligible: **${eligibility.eligible ? 'yes' : 'no'}**; average médecin traitant ${eligibility.averageMedecinTraitant}; at most **${String(eligibility.maxEtp)} ETP**.`,
    '',
    ...eligibility.checks.map((c) => `- ${c.passed ? '✔' : '✘'} ${c.detail} (\`${c.rule}\`, ${c.reference.provenance})`),
    ...eligibility.members.flatMap((m) =>
      m.checks.map((c) => `- ${c.passed ? '✔' : '✘'} ${c.detail} (\`${c.rule}\`, ${c.reference.provenance})`),
    ),
    '',
    '### Aid schedule, 4 ETP',
    '',
    '| year | from | to | amount | payments |',
    '| --- | --- | --- | --- | --- |',
    ...schedule.years.map(
      (y) =>
        `| ${String(y.year)} | ${y.start} | ${y.end} | ${y.amount} | ${y.payments.map((p) => `${p.kind} ${p.amount} by ${p.dueBy ?? '—'}${p.conditional ? ' (max.)' : ''}`).join('; ')} |`,
    ),
    `| total | | | ${schedule.total} | |`,
    '',
    "### The group's targets, 4 ETP",
    '',
    '| measure | start | increase | target | due by |',
    '| --- | --- | --- | --- | --- |',
    ...(['medecinTraitant', 'fileActive'] as const).map((m) => {
      const t = targets.targets[m];
      return `| ${m} | ${String(t.start)} | +${String(t.increase)} | ${String(t.target)} | ${t.dueBy} |`;
    }),
    '',
    '### Individual or collective? (compareContracts)',
    '',
    '| year | individual contracts (sum) | collective contract | difference |',
    '| --- | --- | --- | --- |',
    ...comparison.years.map((y) => `| ${String(y.year)} | ${y.individual} | ${y.collective} | ${y.difference} |`),
    `| total | ${comparison.totals.individual} | ${comparison.totals.collective} | ${comparison.totals.difference} |`,
    '',
    ...comparison.individual.map(
      (side) =>
        `- ${side.id}: ${side.eligible ? `individual ${side.option}, tier ${side.tier}${side.tierStated ? '' : ' (assumed)'}` : 'no individual contract (not eligible)'}`,
    ),
    '',
    'What the comparison cannot weigh:',
    '',
    ...comparison.notComparable.map((n) => `- ${n}`),
  ];
  return lines;
}

/** The JSON Schema of each public input, generated from the zod schemas. */
function inputSchemas(): Record<string, string> {
  const entries: [string, z.ZodMiniType, string][] = [
    [
      'check-eligibility',
      z.union([eligibilitySchema, collectiveEligibilitySchema]),
      'Input of checkEligibility (individual or collective)',
    ],
    ['aid-schedule', z.union([scheduleSchema, collectiveScheduleSchema]), 'Input of aidSchedule (individual or collective)'],
    ['patient-targets', z.union([targetsSchema, collectiveTargetsSchema]), 'Input of patientTargets (individual or collective)'],
    ['settle-year', z.union([settleSchema, collectiveSettleSchema]), 'Input of settleYear (individual or collective)'],
    ['compare-contracts', compareSchema, 'Input of compareContracts'],
  ];
  return Object.fromEntries(
    entries.map(([name, schema, title]) => {
      const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      const document = {
        $schema: generated.$schema,
        $id: `https://unpkg.com/aide-assistant-medical/schemas/${name}.input.schema.json`,
        title,
        description:
          'Structural checks only: calendar validity of dates, cross-field rules and regime conditions are checked by the library, which throws RulesError.',
        ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
      };
      return [`schemas/${name}.input.schema.json`, `${JSON.stringify(document, null, 2)}\n`];
    }),
  );
}

/** How a caller overrides an interpretation, by row id (rows absent here have no override). */
const OVERRIDES: Record<string, string> = {
  'settlement.attainment': '`policy.attainment` (`progress` or `level`)',
  'settlement.combine': '`policy.combine` (`mean`, `min` or `max`)',
  'targets.estimate.medecinTraitant': "the contract's own targets in `settleYear`; `estimateKnots` in `patientTargets`",
  'targets.estimate.fileActive': "the contract's own targets in `settleYear`; `estimateKnots` in `patientTargets`",
  'targets.estimate.extrapolation': "`estimateKnots`, or the specialty's `percentiles`",
  'tier.gp-measure': '`tier` given directly',
  'payments.year1.balance': '`advancePaid` in `settleYear`',
  'payments.later-years': '`advancePaid` in `settleYear`',
  'payments.year1': '`advancePaid` in `settleYear`',
  'payments.year2': '`advancePaid` in `settleYear`',
  'payments.advance': '`advancePaid` in `settleYear`',
  'payments.balance': '`advancePaid` in `settleYear`',
  'eligibility.sector.secteur-2-optam-co': '`ruleSet` to compare regimes; no override of the reading itself',
};

/** The library's interpretations, generated from the rows marked `interpretation`. */
function interpretationsPage(): string {
  const lines = [
    HEADER,
    '',
    '# Interpretations',
    '',
    `Where the sources are silent or ambiguous, the library encodes one documented reading. Each
is a row of a rule table with the provenance \`interpretation\`; whenever a computation uses it,
the result's \`warnings\` name it (\`Interpretation (<row id>): …\`) and its trace cites this page.
This page lists them all, regime by regime, with the value the row holds and, where there is
one, the input that overrides it. The rules pages ([docs/rules](rules/README.md)) give every
row with its source.

Besides these rows: avenant 7 is taken to apply from 2019-08-21, the day after its publication
in the Journal officiel (its \`appliesFrom\`). The library's date policy is an interpretation of silent texts: the n-th
anniversary is the same day n years later (29 February → 28 February in common years), "within
n months" ends on the same day n months later clamped to the month's end, and a contract year
runs from one anniversary to the day before the next. A settlement without \`advancePaid\`
assumes that what the payment calendar pays for the year before it ends was paid (named in
\`warnings\`). Payments due after a year ends are not deducted from it.`,
  ];
  for (const set of Object.values(ruleSets)) {
    const rows = tableRows(set.table).filter(({ row }) => row.reference.provenance === 'interpretation');
    lines.push('', `## ${set.title} — \`${set.id}\``, '', '| rule | reading | value | override |', '| --- | --- | --- | --- |');
    for (const { row } of rows)
      lines.push(`| \`${row.id}\` | ${cell(row.label)} | ${cell(valueText(row))} | ${OVERRIDES[row.id] ?? '—'} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every generated file, by path from the repository root. */
export function generatedFiles(): Record<string, string> {
  return {
    'docs/interpretations.md': interpretationsPage(),
    'docs/rules/README.md': indexPage(),
    ...Object.fromEntries(Object.values(ruleSets).map((s) => [`docs/rules/${s.id}.md`, rulesPage(s)])),
    'docs/rules/comparison.md': comparisonPage(),
    'docs/examples.md': examplesPage(),
    ...inputSchemas(),
  };
}
