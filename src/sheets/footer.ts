// The top-level functions Google Apps Script needs (it has no modules): each delegates to the
// global bundle and carries the @customfunction documentation the sheet shows. Used by the
// build (tsup.config.ts) and the tests; not part of the library's API.

interface CellFunction {
  readonly name: string;
  readonly summary: string;
  readonly params: readonly (readonly [name: string, type: string, doc: string])[];
  readonly returns: string;
}

const DATE = ['signedOn', 'string|Date', 'Signing date of the contract (a date cell or YYYY-MM-DD), or a column range.'] as const;
const OPTION = ['option', 'string', 'half-time, full-time (one-third before May 2023).'] as const;
const TIER = ['tier', 'string', 'standard, p90-p95 or p95-plus.'] as const;

/** The cell functions, in the order the sheet lists them. */
const CELL_FUNCTIONS: readonly CellFunction[] = [
  {
    name: 'AM_ELIGIBLE',
    summary: "Whether a doctor may sign a contract of aide à l'emploi d'un assistant médical, and for which options.",
    params: [
      DATE,
      ['specialty', 'string', 'Specialty slug, e.g. medecine-generale, pediatrie, cardiologie.'],
      ['sector', 'string', 'secteur-1, secteur-2-optam, secteur-2-optam-co or secteur-2.'],
      ['medecinTraitant', 'number', 'Médecin traitant patients (GPs).'],
      ['fileActive', 'number', 'File active (other specialties).'],
      ['p30', 'number', "Optional: the specialty's P30 of file active (other specialties)."],
      ['groupPractice', 'string', 'Avenant 7: member, committed or none.'],
      ['coordinatedPractice', 'string', 'Avenant 7: member, committed or none.'],
      ['zone', 'string', 'Avenant 7: zip, zac or none.'],
    ],
    returns: '"éligible : <options>" or "non éligible : <raison>"; one row per contract for ranges.',
  },
  {
    name: 'AM_TARGETS',
    summary: 'Patient targets of a contract: médecin traitant and file active to reach.',
    params: [
      DATE,
      ['specialty', 'string', 'Specialty slug.'],
      OPTION,
      ['medecinTraitant', 'number', 'Starting médecin traitant patients (GPs and paediatricians).'],
      ['fileActive', 'number', 'Starting file active.'],
      ['p50', 'number', "Optional: the specialty's P50 of file active (other specialties)."],
    ],
    returns: 'Two cells: médecin traitant target, file active target.',
  },
  {
    name: 'AM_SCHEDULE',
    summary: 'Yearly aid of a contract, in euros.',
    params: [DATE, OPTION, TIER, ['year', 'number', 'Optional: a contract year (1 to 5); empty for the five years.']],
    returns: 'The amount of the year, or five cells (years 1 to 5).',
  },
  {
    name: 'AM_SETTLE',
    summary: 'Settlement of a contract year: the aid due given the patients reached, and the balance.',
    params: [
      DATE,
      OPTION,
      TIER,
      ['year', 'number', 'Contract year (1 to 5).'],
      ['faStart', 'number', 'File active at signature.'],
      ['faTarget', 'number', 'File active target of the contract.'],
      ['faObserved', 'number', 'File active observed at the end of the year.'],
      ['mtStart', 'number', 'Optional: médecin traitant at signature.'],
      ['mtTarget', 'number', 'Optional: médecin traitant target.'],
      ['mtObserved', 'number', 'Optional: médecin traitant observed.'],
      ['advancePaid', 'number', 'Optional: advance already paid for the year (default: the payment calendar).'],
    ],
    returns: 'Two cells: aid due, balance (negative: to recover from the doctor).',
  },
  {
    name: 'AM_GROUP_ELIGIBLE',
    summary: 'Whether a group of GPs (SCP, SCM or SISA) may sign a collective contract, and for how many ETP at most.',
    params: [
      DATE,
      ['structure', 'string', 'scp, scm, sisa (sel cannot sign).'],
      [
        'members',
        'range',
        'One GP a row: id, sector, médecin traitant, file active, hosts a docteur junior (TRUE/FALSE), MEP (TRUE/FALSE).',
      ],
      ['trainingSite', 'boolean', 'Optional: the structure is an approved ambulatory training site.'],
    ],
    returns: '"éligible : au plus N ETP" or "non éligible : <raison>".',
  },
  {
    name: 'AM_GROUP_SCHEDULE',
    summary: "Yearly aid of a group's collective contract for the ETP financed, in euros.",
    params: [
      DATE,
      ['etp', 'number', 'ETP financed, in the steps of the collective regime (its etp.step row).'],
      ['year', 'number', 'Optional: a contract year (1 to 5); empty for the five years.'],
    ],
    returns: 'The amount of the year, or five cells (years 1 to 5).',
  },
  {
    name: 'AM_GROUP_TARGETS',
    summary: "Patient targets of a group's collective contract for the ETP financed.",
    params: [
      DATE,
      ['etp', 'number', 'ETP financed, in the steps of the collective regime (its etp.step row).'],
      [
        'members',
        'range',
        'One GP a row: id, médecin traitant, file active, and optionally patients gained under an earlier individual contract (médecin traitant, file active).',
      ],
    ],
    returns: 'Two cells: médecin traitant target, file active target of the group.',
  },
];

/** The script text appended to the global bundle `globalName`. */
export function appsScriptFooter(globalName: string): string {
  const functions = CELL_FUNCTIONS.map((f) => {
    const doc = [
      '/**',
      ` * ${f.summary}`,
      ...f.params.map(([name, type, text]) => ` * @param {${type}} ${name} ${text}`),
      ` * @return ${f.returns}`,
      ' * @customfunction',
      ' */',
    ];
    const params = f.params.map(([name]) => name).join(', ');
    return `${doc.join('\n')}\nfunction ${f.name}(${params}) {\n  return ${globalName}.${f.name}.apply(null, arguments);\n}`;
  });
  return `\n// Cell functions: paste this whole file into Extensions › Apps Script of a Google Sheet.\n${functions.join('\n\n')}\n`;
}
