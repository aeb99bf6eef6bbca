// The simulator page: a form, the library's public functions, and what they answer, in French.
// Every figure shown comes from a result of the library (decimal strings, written with frEuros);
// the page computes nothing of its own but the layout (the heights of the chart's bars).
import {
  aidSchedule,
  checkEligibility,
  explain,
  frEuros,
  patientTargets,
  ruleSets,
  RulesError,
  settleYear,
  specialtyLabels,
  specialties,
  vocabularyFr,
  type CollectiveEligibilityInput,
  type CollectiveEligibilityResult,
  type CollectiveScheduleInput,
  type CollectiveSettleInput,
  type CollectiveTargetsInput,
  type EligibilityInput,
  type ScheduleInput,
  type SettleInput,
  type TargetsInput,
  type CollectiveScheduleResult,
  type CollectiveSettleResult,
  type CollectiveTargetsResult,
  type EligibilityResult,
  type LegalReference,
  type Option,
  type ResultBase,
  type ScheduleResult,
  type SettleResult,
  type TargetsResult,
} from '../src/index.js';

/** The library's version, written in by the build. */
declare const __LIBRARY_VERSION__: string;

const FR = { lang: 'fr' } as const;
type Dict = Record<string, unknown>;
const MEASURES = ['medecinTraitant', 'fileActive'] as const;
type State = Record<string, string>;

/** The fields kept in the URL (members are kept apart, one member a block). */
const FIELDS = [
  'contract',
  'signedOn',
  'specialty',
  'sector',
  'medecinTraitant',
  'fileActive',
  'option',
  'tier',
  'newlyInstalled',
  'ccamFeeShare',
  'groupPractice',
  'coordinatedPractice',
  'zone',
  'structure',
  'etp',
  'trainingSite',
  'year',
  'observedMt',
  'observedFa',
  'advancePaid',
] as const;
const MEMBER_FIELDS = ['id', 'sector', 'medecinTraitant', 'fileActive', 'hostsDocteurJunior', 'mep'] as const;
type Member = Record<(typeof MEMBER_FIELDS)[number], string>;

function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element;
}
const form = $('case') as HTMLFormElement;
const results = $('results') as HTMLDivElement;

/** An element of text, its content escaped by the DOM. */
function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function option(value: string, label: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

// ─── The form ────────────────────────────────────────────────────────────────

const specialtyBySlugOrLabel = new Map<string, string>();
for (const slug of specialties) {
  specialtyBySlugOrLabel.set(slug, slug);
  specialtyBySlugOrLabel.set(specialtyLabels[slug].toLowerCase(), slug);
  $('specialties').append(option(specialtyLabels[slug], ''));
}
for (const list of document.querySelectorAll<HTMLOptionElement>('#specialties option')) list.removeAttribute('value');

const sectorSelect = $('sector') as HTMLSelectElement;
for (const [id, label] of Object.entries(vocabularyFr.sectors)) sectorSelect.append(option(id, label));
const structureSelect = $('structure') as HTMLSelectElement;
for (const [id, label] of Object.entries(vocabularyFr.structures)) structureSelect.append(option(id, label));
const tierField = el(
  'div',
  { class: 'field' },
  el('label', { for: 'tier' }, 'Palier de montant (selon la patientèle au départ)'),
  el('select', { id: 'tier', name: 'tier', 'data-path': 'tier', 'aria-describedby': 'tier-error' }),
  el('p', { class: 'error', id: 'tier-error', role: 'alert' }),
);
$('option').closest('.field')?.after(tierField);
const tierSelect = $('tier') as HTMLSelectElement;
for (const [id, label] of Object.entries(vocabularyFr.tiers)) tierSelect.append(option(id, label));

type IndividualRegime =
  (typeof ruleSets)['reglement-arbitral-2023'] | (typeof ruleSets)['avenant-7-2019'] | (typeof ruleSets)['convention-2024'];

/** The regime in force for a contract of `kind` signed on `date` (YYYY-MM-DD), if the date is one. */
function regimeOn(kind: 'individual' | 'collective', date: string): (typeof ruleSets)[keyof typeof ruleSets] | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return Object.values(ruleSets).find((r) => r.contract === kind && r.appliesFrom <= date && (r.appliesTo === null || date <= r.appliesTo));
}

/** The options and years a regime offers, and the fields it needs, shown where they apply. */
function adapt(): void {
  const kind = checked('contract') === 'collective' ? 'collective' : 'individual';
  for (const section of document.querySelectorAll<HTMLElement>('[data-when]')) section.hidden = section.dataset.when !== kind;
  const regime = regimeOn(kind, value('signedOn'));
  const individual = kind === 'individual' && regime?.contract === 'individual' ? regime : undefined;
  const offered: readonly Option[] = individual ? individual.table.newOptions.value : ['half-time', 'full-time'];
  refill(
    $('option') as HTMLSelectElement,
    offered.map((o) => [o, vocabularyFr.options[o]] as const),
  );
  // The regime's contract years and first modulated year, from its rows; while the date is
  // unknown, the longest contract and the earliest modulated year of any regime.
  const regimes = Object.values(ruleSets);
  const years = regime?.table.contractYears.value ?? Math.max(...regimes.map((r) => r.table.contractYears.value));
  const modulated =
    regime?.table.settlement.firstModulatedYear.value ?? Math.min(...regimes.map((r) => r.table.settlement.firstModulatedYear.value));
  refill(
    $('year') as HTMLSelectElement,
    Array.from({ length: years }, (_, i) => [String(i + 1), `Année ${String(i + 1)}`] as const),
    String(modulated),
  );
  $('settle-help').textContent = `Nombres constatés en fin d'année : l'aide due se calcule à partir de l'année ${String(modulated)}.`;
  const eligibility = individual?.table.eligibility;
  const slug = specialtyBySlugOrLabel.get(value('specialty').toLowerCase());
  const surgeons: readonly string[] =
    eligibility && 'surgicalFeeShare' in eligibility ? eligibility.surgicalFeeShare.value.specialties : [];
  show('ccamFeeShare', slug !== undefined && surgeons.includes(slug));
  show('organisation', eligibility !== undefined && 'groupPractice' in eligibility);
}

function refill(select: HTMLSelectElement, entries: readonly (readonly [string, string])[], fallback?: string): void {
  // A value the URL asked for before the list knew its choices wins once.
  const current = select.dataset.wanted ?? select.value;
  delete select.dataset.wanted;
  select.replaceChildren(...entries.map(([v, label]) => option(v, label)));
  const keep = entries.some(([v]) => v === current) ? current : (fallback ?? entries[0]?.[0] ?? '');
  select.value = entries.some(([v]) => v === keep) ? keep : (entries[0]?.[0] ?? '');
}

function show(need: string, visible: boolean): void {
  for (const node of document.querySelectorAll<HTMLElement>(`[data-needs="${need}"]`)) node.hidden = !visible;
}

function field(name: string): HTMLInputElement | HTMLSelectElement | undefined {
  const node = form.elements.namedItem(name);
  return node instanceof HTMLInputElement || node instanceof HTMLSelectElement ? node : undefined;
}

function value(name: string): string {
  const f = field(name);
  if (f instanceof HTMLInputElement && f.type === 'checkbox') return f.checked ? '1' : '';
  return f ? f.value.trim() : '';
}

function checked(name: string): string {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

// ─── Members of a group ─────────────────────────────────────────────────────

const membersBody = $('members') as HTMLTableSectionElement;

function addMember(m: Partial<Member> = {}): void {
  const i = membersBody.rows.length;
  const cell = (name: (typeof MEMBER_FIELDS)[number], path: string, label: string) => {
    const id = `m${String(i)}-${name}`;
    const checkbox = name === 'hostsDocteurJunior' || name === 'mep';
    const input = checkbox
      ? el('input', { id, type: 'checkbox', 'data-member': name, 'data-path': `members.${String(i)}.${path}` })
      : name === 'sector'
        ? el('select', { id, 'data-member': name, 'data-path': `members.${String(i)}.${path}` })
        : el('input', {
            id,
            type: 'text',
            'data-member': name,
            'data-path': `members.${String(i)}.${path}`,
            ...(name === 'id' ? {} : { inputmode: 'numeric' }),
          });
    if (input instanceof HTMLSelectElement) for (const [sid, text] of Object.entries(vocabularyFr.sectors)) input.append(option(sid, text));
    if (input instanceof HTMLInputElement && checkbox) input.checked = m[name] === '1';
    else if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement)
      input.value = m[name] ?? (name === 'sector' ? 'secteur-1' : '');
    input.setAttribute('aria-label', `${label}, membre ${String(i + 1)}`);
    return el('td', {}, input, el('span', { class: 'error', role: 'alert', 'data-error-for': `members.${String(i)}.${path}` }));
  };
  const remove = el('button', { type: 'button', class: 'secondary', 'aria-label': `Retirer le membre ${String(i + 1)}` }, 'Retirer');
  remove.addEventListener('click', () => {
    const kept = readMembers().filter((_, n) => n !== i);
    membersBody.replaceChildren();
    for (const member of kept) addMember(member);
    compute();
  });
  membersBody.append(
    el(
      'tr',
      {},
      cell('id', 'id', 'Nom'),
      cell('sector', 'sector', 'Secteur'),
      cell('medecinTraitant', 'patientele.medecinTraitant', 'Patientèle médecin traitant'),
      cell('fileActive', 'patientele.fileActive', 'File active'),
      cell('hostsDocteurJunior', 'hostsDocteurJunior', 'Accueille un docteur junior'),
      cell('mep', 'mep', 'Médecin à exercice particulier'),
      el('td', {}, remove),
    ),
  );
}

function readMembers(): Member[] {
  return [...membersBody.rows].map((row) => {
    const m = {} as Member;
    for (const name of MEMBER_FIELDS) {
      const input = row.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-member="${name}"]`);
      m[name] = input instanceof HTMLInputElement && input.type === 'checkbox' ? (input.checked ? '1' : '') : (input?.value.trim() ?? '');
    }
    return m;
  });
}

// ─── State in the URL ───────────────────────────────────────────────────────

// ─── Figures the library asks for (a specialty's percentile) ────────────────

const percentilesBox = $('percentiles');

/** A field for a percentile the library does not know, named by the error's path (percentiles.MEASURE.KEY). */
function askPercentile(measure: string, key: string, given = ''): void {
  const name = `p.${measure}.${key}`;
  if (field(name)) return;
  const id = `p-${measure}-${key}`;
  const label = `${key.toUpperCase()} de la ${vocabularyFr.measures[measure as 'fileActive']} pour cette spécialité (chiffre publié par l'Assurance Maladie)`;
  const input = el('input', {
    id,
    name,
    type: 'text',
    inputmode: 'numeric',
    'data-path': `percentiles.${measure}.${key}`,
    'aria-describedby': `${id}-error`,
  });
  (input as HTMLInputElement).value = given;
  percentilesBox.append(
    el('div', { class: 'field' }, el('label', { for: id }, label), input, el('p', { class: 'error', id: `${id}-error`, role: 'alert' })),
  );
}

function percentileFields(): HTMLInputElement[] {
  return [...percentilesBox.querySelectorAll<HTMLInputElement>('input')];
}

function readState(): State {
  const state: State = { contract: checked('contract') };
  for (const name of FIELDS) if (name !== 'contract' && value(name) !== '') state[name] = value(name);
  for (const input of percentileFields()) if (input.value.trim() !== '') state[input.name] = input.value.trim();
  const members = readMembers();
  if (state.contract === 'collective' && members.length > 0)
    state.members = members.map((m) => MEMBER_FIELDS.map((k) => m[k].replace(/[~|]/g, ' ')).join('~')).join('|');
  return state;
}

function writeState(state: State): void {
  for (const name of FIELDS) {
    const f = field(name);
    const v = state[name] ?? '';
    if (name === 'contract') {
      for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="contract"]'))
        radio.checked = radio.value === (v || 'individual');
    } else if (f instanceof HTMLInputElement && f.type === 'checkbox') f.checked = v === '1';
    else if (f instanceof HTMLSelectElement) {
      f.value = v;
      if (v !== '') f.dataset.wanted = v;
      if (f.selectedIndex < 0) f.selectedIndex = 0; // nothing stated: the list's first choice, shown as chosen
    } else if (f) f.value = (specialtyLabels as Partial<Record<string, string>>)[v] ?? v;
  }
  percentilesBox.replaceChildren();
  for (const [k, v] of Object.entries(state)) {
    const [, measure, key] = /^p\.(\w+)\.(p\d+)$/.exec(k) ?? [];
    if (measure !== undefined && key !== undefined) askPercentile(measure, key, v);
  }
  membersBody.replaceChildren();
  for (const block of (state.members ?? '').split('|').filter((b) => b !== '')) {
    const cells = block.split('~');
    addMember(Object.fromEntries(MEMBER_FIELDS.map((k, i) => [k, cells[i] ?? ''])));
  }
  if (membersBody.rows.length === 0) for (let i = 0; i < 2; i += 1) addMember();
}

function stateFromUrl(): State {
  return Object.fromEntries(new URLSearchParams(location.hash.replace(/^#/, '')));
}

// ─── Inputs for the library ─────────────────────────────────────────────────

/** A number typed the French way ("2,5", "1 350"); any other text goes to the library as typed, which names it. */
function number(text: string | undefined): number | string | undefined {
  if (text === undefined || text === '') return undefined;
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(clean) ? Number(clean) : text;
}

function compact(o: Dict): Dict {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0)),
  );
}

function individualInput(s: State): Dict {
  const regime = regimeOn('individual', s.signedOn ?? '');
  const e = regime?.contract === 'individual' ? regime.table.eligibility : undefined;
  const slug = s.specialty === undefined ? undefined : (specialtyBySlugOrLabel.get(s.specialty.toLowerCase()) ?? s.specialty);
  const organisation = e !== undefined && 'groupPractice' in e;
  const surgeons: readonly string[] = e && 'surgicalFeeShare' in e ? e.surgicalFeeShare.value.specialties : [];
  return compact({
    signedOn: s.signedOn,
    specialty: slug,
    sector: s.sector,
    patientele: compact({ medecinTraitant: number(s.medecinTraitant), fileActive: number(s.fileActive) }),
    newlyInstalled: s.newlyInstalled === '1' ? true : undefined,
    ccamFeeShare: slug !== undefined && surgeons.includes(slug) ? number(s.ccamFeeShare) : undefined,
    percentiles: percentilesOf(s),
    groupPractice: organisation ? s.groupPractice : undefined,
    coordinatedPractice: organisation ? s.coordinatedPractice : undefined,
    zone: organisation ? s.zone : undefined,
  });
}

/** The percentiles the caller typed, as the library's `percentiles` input. */
function percentilesOf(s: State): Dict | undefined {
  const out: Record<string, Dict> = {};
  for (const [k, v] of Object.entries(s)) {
    const [, measure, key] = /^p\.(\w+)\.(p\d+)$/.exec(k) ?? [];
    if (measure !== undefined && key !== undefined) out[measure] = { ...out[measure], [key]: number(v) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function membersInput(s: State): Dict[] {
  return (s.members ?? '')
    .split('|')
    .filter((b) => b !== '')
    .map((block) => {
      const [id, sector, mt, fa, junior, mep] = block.split('~');
      return compact({
        id,
        specialty: 'medecine-generale',
        sector,
        patientele: compact({ medecinTraitant: number(mt), fileActive: number(fa) }),
        hostsDocteurJunior: junior === '1' ? true : undefined,
        mep: mep === '1' ? true : undefined,
      });
    });
}

// ─── Errors beside their fields ─────────────────────────────────────────────

function clearErrors(): void {
  for (const node of document.querySelectorAll<HTMLElement>('.error')) node.textContent = '';
  for (const node of document.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}

/** Fields the person has left (or all, once they asked to compute): only theirs show errors while typing. */
const touched = new Set<string>();
let submitted = false;

/** Shows each issue of a RulesError beside the field its path names (or the nearest enclosing one). */
function showError(e: RulesError): void {
  for (const issue of e.issues) {
    const path = issue.path.map(String);
    if (e.code === 'MISSING_INPUT' && path[0] === 'percentiles' && path.length === 3) askPercentile(path[1] ?? '', path[2] ?? '');
    let target: HTMLElement | null = null;
    let slot: HTMLElement | null = null;
    for (let n = path.length; n >= 0 && target === null; n -= 1) {
      const key = path.slice(0, n).join('.');
      target = form.querySelector<HTMLElement>(`[data-path="${key}"]`);
      slot = target?.id ? document.getElementById(`${target.id}-error`) : null;
      slot ??= form.querySelector<HTMLElement>(`[data-error-for="${key}"]`);
      if (target === null && key === 'members') slot = $('members-error');
      if (slot !== null && target === null) break;
    }
    if (!submitted && target !== null && !touched.has(target.dataset.path ?? '')) continue;
    target?.setAttribute('aria-invalid', 'true');
    const where = slot ?? $('status');
    const said = where.textContent;
    if (!said.includes(issue.message)) where.textContent = said ? `${said} ${issue.message}` : issue.message;
  }
}

// ─── Rendering ──────────────────────────────────────────────────────────────

const regimeTitle = (id: string) => (ruleSets as unknown as Record<string, { title: string } | undefined>)[id]?.title ?? id;

/** A number of patients the French way: 1350 → "1 350" (digits grouped by three, from the integer's digits). */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** An exact rate ("0.7828") as a French percentage ("78,28 %"), from its digits. */
function percentFr(rate: string): string {
  const [int = '0', frac = ''] = rate.split('.');
  const digits = frac.padEnd(4, '0');
  const whole = String(Number(int) * 100 + Number(digits.slice(0, 2)));
  return `${whole},${digits.slice(2, 4)} %`;
}

function source(ref: LegalReference): HTMLElement {
  const text = [ref.text, ref.article].filter((x): x is string => typeof x === 'string').join(', ');
  const cell = el('td', {});
  cell.append(ref.url ? el('a', { href: ref.url, rel: 'noreferrer' }, text) : text, ` (${vocabularyFr.provenances[ref.provenance]})`);
  return cell;
}

function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly (string | HTMLElement)[])[],
  numeric: readonly number[] = [],
): HTMLElement {
  return el(
    'table',
    {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', ...(numeric.includes(i) ? { class: 'num' } : {}) }, h)))),
    el(
      'tbody',
      {},
      ...rows.map((r) =>
        el(
          'tr',
          {},
          ...r.map((c, i) =>
            c instanceof HTMLElement && c.tagName === 'TD' ? c : el('td', numeric.includes(i) ? { class: 'num' } : {}, c),
          ),
        ),
      ),
    ),
  );
}

function explained(result: ResultBase, what: string): HTMLElement {
  return el('details', {}, el('summary', {}, `Explication détaillée : ${what}`), el('pre', { class: 'explain' }, explain(result, FR)));
}

function renderEligibility(r: EligibilityResult | CollectiveEligibilityResult): HTMLElement {
  const verdict =
    r.contract === 'collective'
      ? `Éligible : ${r.eligible ? 'oui' : 'non'} — au plus ${String(r.maxEtp).replace('.', ',')} ETP financés`
      : `Éligible : ${r.eligible ? 'oui' : 'non'} — options ouvertes : ${r.options.map((o) => vocabularyFr.options[o]).join(', ') || 'aucune'}`;
  // A member's check names the member in its own wording: the group's table needs no "for" column.
  const rows =
    r.contract === 'collective'
      ? [...r.checks, ...r.members.flatMap((m) => m.checks)].map((c) => [c.detail, c.passed ? 'oui' : 'non', source(c.reference)])
      : r.checks.map((c) => [
          c.scope === 'doctor' ? 'le médecin' : ((vocabularyFr.options as Partial<Record<string, string>>)[c.scope] ?? c.scope),
          c.detail,
          c.passed ? 'oui' : 'non',
          source(c.reference),
        ]);
  const head = r.contract === 'collective' ? ['Condition', 'Remplie', 'Source'] : ['Pour', 'Condition', 'Remplie', 'Source'];
  return el(
    'section',
    { 'aria-labelledby': 'h-eligibility' },
    el('h2', { id: 'h-eligibility' }, 'Éligibilité'),
    el('p', { class: `verdict ${r.eligible ? 'yes' : 'no'}`, id: 'verdict' }, verdict),
    table(`Conditions vérifiées (${regimeTitle(r.ruleSet)})`, head, rows),
    explained(r, "l'éligibilité"),
  );
}

function renderTargets(byOption: readonly (readonly [Option, TargetsResult])[]): HTMLElement {
  const cards = byOption.map(([o, t]) =>
    el(
      'div',
      { 'data-option': o },
      table(
        `Objectifs en ${vocabularyFr.options[o]}`,
        ['Mesure', 'Départ', 'Augmentation', 'Objectif'],
        [
          ...MEASURES.flatMap((m) => {
            const target = t.targets[m];
            return target ? [[vocabularyFr.measures[m], count(target.start), `+${count(target.increase)}`, count(target.target)]] : [];
          }),
          ...t.unavailable.map((u) => [vocabularyFr.measures[u.measure], '—', '—', `indisponible : ${u.reason}`]),
        ],
        [1, 2, 3],
      ),
    ),
  );
  const first = byOption[0]?.[1];
  return el(
    'section',
    { 'aria-labelledby': 'h-targets' },
    el('h2', { id: 'h-targets' }, 'Objectifs de patientèle, option par option'),
    el('div', { class: 'side' }, ...cards),
    ...(first ? [explained(first, `les objectifs en ${vocabularyFr.options[byOption[0]?.[0] ?? 'half-time']}`)] : []),
  );
}

function renderGroupTargets(t: CollectiveTargetsResult): HTMLElement {
  return el(
    'section',
    { 'aria-labelledby': 'h-targets' },
    el('h2', { id: 'h-targets' }, 'Objectifs du groupe'),
    table(
      `Objectifs pour ${String(t.etp).replace('.', ',')} ETP`,
      ['Mesure', 'Départ', 'Augmentation', 'Objectif', 'Au plus tard le'],
      MEASURES.map((m) => {
        const g = t.targets[m];
        return [vocabularyFr.measures[m], count(g.start), `+${count(g.increase)}`, count(g.target), g.dueBy];
      }),
      [1, 2, 3],
    ),
    explained(t, 'les objectifs du groupe'),
  );
}

/** A bar chart of the yearly amounts: heights from the amounts in cents (integers), labels from the library's strings. */
function chart(years: ScheduleResult['years']): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const width = 560;
  const height = 220;
  const top = 24;
  const bottom = 36;
  const cents = years.map((y) => Number(y.amount.replace('.', '')));
  const max = Math.max(1, ...cents);
  const slot = width / Math.max(1, years.length);
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${String(width)} ${String(height)}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', 'chart-title');
  const title = document.createElementNS(ns, 'title');
  title.id = 'chart-title';
  title.textContent = `Aide par année : ${years.map((y) => `année ${String(y.year)} ${frEuros(y.amount)}`).join(', ')}`;
  svg.append(title);
  years.forEach((y, i) => {
    const h = Math.round(((height - top - bottom) * (cents[i] ?? 0)) / max);
    const x = i * slot + slot * 0.2;
    const rect = document.createElementNS(ns, 'rect');
    for (const [k, v] of Object.entries({
      x: x.toFixed(1),
      y: String(height - bottom - h),
      width: (slot * 0.6).toFixed(1),
      height: String(h),
      fill: '#0b4f8a',
    }))
      rect.setAttribute(k, v);
    const label = document.createElementNS(ns, 'text');
    for (const [k, v] of Object.entries({ x: (x + slot * 0.3).toFixed(1), y: String(height - bottom - h - 6), 'text-anchor': 'middle' }))
      label.setAttribute(k, v);
    label.textContent = frEuros(y.amount);
    const year = document.createElementNS(ns, 'text');
    for (const [k, v] of Object.entries({ x: (x + slot * 0.3).toFixed(1), y: String(height - bottom + 16), 'text-anchor': 'middle' }))
      year.setAttribute(k, v);
    year.textContent = `Année ${String(y.year)}`;
    svg.append(rect, label, year);
  });
  return svg;
}

function renderSchedule(s: ScheduleResult | CollectiveScheduleResult): HTMLElement {
  const head =
    s.contract === 'collective'
      ? `Contrat collectif, ${String(s.etp).replace('.', ',')} ETP`
      : `Option ${vocabularyFr.options[s.option]}, ${vocabularyFr.tiers[s.tier]}`;
  return el(
    'section',
    { 'aria-labelledby': 'h-schedule' },
    el('h2', { id: 'h-schedule' }, 'Calendrier des versements'),
    el('p', {}, head),
    table(
      `Aide année par année (un maximum à partir de l’année ${String(ruleSets[s.ruleSet].table.settlement.firstModulatedYear.value)} : elle dépend alors des objectifs)`,
      ['Année', 'Du', 'Au', 'Montant', 'Tarifé selon', 'Versements'],
      s.years.map((y) => [
        String(y.year),
        el('td', { class: 'date' }, y.start),
        el('td', { class: 'date' }, y.end),
        frEuros(y.amount),
        regimeTitle(y.pricedBy),
        y.payments
          .map(
            (p) =>
              `${vocabularyFr.payments[p.kind]} ${frEuros(p.amount)} ${p.dueBy === null ? `dans les ${String(p.dueWithinDaysOfHiring)} jours suivant l'embauche` : `au plus tard le ${p.dueBy}`}${p.conditional ? ' (au plus)' : ''}`,
          )
          .join(' ; '),
      ]),
      [0, 3],
    ),
    el('p', { id: 'total' }, `Total sur ${String(s.years.length)} ans : ${frEuros(s.total)} au plus.`),
    chart(s.years),
    explained(s, 'le calendrier'),
  );
}

function renderSettlement(r: SettleResult | CollectiveSettleResult): HTMLElement {
  const rows: string[][] = [
    ['Aide annuelle', frEuros(r.annualAid)],
    ['Atteinte retenue', r.modulated ? percentFr(r.attainment.combined) : 'année non modulée'],
    ['Aide due', frEuros(r.aidDue)],
    ['Avance', frEuros(r.advance)],
    ['Solde', `${frEuros(r.balance)} (${vocabularyFr.balances[r.balanceKind]})`],
  ];
  return el(
    'section',
    { 'aria-labelledby': 'h-settlement' },
    el('h2', { id: 'h-settlement' }, `Régularisation de l'année ${String(r.year)}`),
    table('Ce que donne l’année avec les nombres constatés', ['', 'Montant'], rows, [1]),
    explained(r, 'la régularisation'),
  );
}

/** The case as the person stated it, in words: what the figures below answer (and what a printout shows). */
function renderCase(s: State): HTMLElement {
  const typed = (text: string | undefined) => (text === undefined ? '—' : /^\d+$/.test(text) ? count(Number(text)) : text);
  const word = (table: Readonly<Record<string, string>>, id: string | undefined) =>
    id === undefined ? '—' : Object.prototype.hasOwnProperty.call(table, id) ? (table[id] ?? id) : id;
  const slug = specialtyBySlugOrLabel.get((s.specialty ?? '').toLowerCase());
  const parts =
    s.contract === 'collective'
      ? [
          `Contrat collectif signé le ${s.signedOn ?? '—'}`,
          `${word(vocabularyFr.structures, s.structure)}, ${(s.etp ?? '—').replace('.', ',')} ETP financés`,
          `${String(membersInput(s).length)} membre(s)`,
        ]
      : [
          `Contrat individuel signé le ${s.signedOn ?? '—'}`,
          `${word(specialtyLabels, slug ?? s.specialty)}, ${word(vocabularyFr.sectors, s.sector)}`,
          `patientèle médecin traitant ${typed(s.medecinTraitant)}, file active ${typed(s.fileActive)}`,
          `option ${word(vocabularyFr.options, s.option)}, ${word(vocabularyFr.tiers, s.tier)}`,
        ];
  return el(
    'section',
    { 'aria-labelledby': 'h-case' },
    el('h2', { id: 'h-case' }, 'Le cas'),
    el('p', { id: 'case-summary' }, `${parts.join(' — ')}.`),
  );
}

function renderWarnings(all: readonly ResultBase[]): HTMLElement | undefined {
  const warnings = [...new Set(all.flatMap((r) => r.warnings))];
  if (warnings.length === 0) return undefined;
  return el(
    'section',
    { 'aria-labelledby': 'h-warnings' },
    el('h2', { id: 'h-warnings' }, 'Interprétations et mises en garde'),
    el('ul', { class: 'warnings' }, ...warnings.map((w) => el('li', {}, w))),
  );
}

// ─── CSV ─────────────────────────────────────────────────────────────────────

let csv = '';

/** The results as CSV for a French spreadsheet: semicolons, decimal commas, amounts from the library's strings. */
function toCsv(
  schedule: ScheduleResult | CollectiveScheduleResult | undefined,
  settlement: SettleResult | CollectiveSettleResult | undefined,
): string {
  const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const money = (v: string) => v.replace('.', ',');
  const lines = [['résultat', 'année', 'du', 'au', 'montant', 'tarifé selon'].join(';')];
  for (const y of schedule?.years ?? [])
    lines.push(['calendrier', String(y.year), y.start, y.end, money(y.amount), regimeTitle(y.pricedBy)].map(cell).join(';'));
  if (settlement)
    for (const [k, v] of [
      ['aide annuelle', settlement.annualAid],
      ['aide due', settlement.aidDue],
      ['avance', settlement.advance],
      ['solde', settlement.balance],
    ] as const)
      lines.push(['régularisation', String(settlement.year), '', '', money(v), k].map(cell).join(';'));
  return `${lines.join('\r\n')}\r\n`;
}

// ─── The computation ────────────────────────────────────────────────────────

function attempt<R>(run: () => R): R | undefined {
  try {
    return run();
  } catch (e) {
    if (e instanceof RulesError) {
      showError(e);
      return undefined;
    }
    throw e;
  }
}

function settlementTargets(targets: Partial<Record<'medecinTraitant' | 'fileActive', { start: number; target: number }>>): Dict {
  return Object.fromEntries(Object.entries(targets).map(([m, t]) => [m, { start: t.start, target: t.target }]));
}

function compute(): void {
  adapt();
  clearErrors();
  $('status').textContent = '';
  const s = readState();
  history.replaceState(null, '', `#${new URLSearchParams(s).toString()}`);
  const blocks: HTMLElement[] = [renderCase(s)];
  const done: ResultBase[] = [];
  let schedule: ScheduleResult | CollectiveScheduleResult | undefined;
  let settlement: SettleResult | CollectiveSettleResult | undefined;
  const observed = compact({ medecinTraitant: number(s.observedMt), fileActive: number(s.observedFa) });
  const settleFacts = compact({ year: number(s.year), observed, advancePaid: s.advancePaid?.replace(',', '.') });
  if (s.contract === 'collective') {
    const members = membersInput(s);
    const base = { contract: 'collective', signedOn: s.signedOn };
    const eligibility = attempt(() =>
      checkEligibility(
        compact({
          ...base,
          structure: s.structure,
          trainingSite: s.trainingSite === '1' ? true : undefined,
          members,
        }) as unknown as CollectiveEligibilityInput,
        FR,
      ),
    );
    const etpBase = compact({ ...base, etp: number(s.etp) });
    const targets = attempt(() =>
      patientTargets(
        { ...etpBase, members: members.map((m) => ({ id: m.id, patientele: m.patientele })) } as unknown as CollectiveTargetsInput,
        FR,
      ),
    );
    schedule = attempt(() => aidSchedule(etpBase as unknown as CollectiveScheduleInput, FR));
    if (eligibility) blocks.push(renderEligibility(eligibility));
    if (targets) blocks.push(renderGroupTargets(targets));
    if (schedule) blocks.push(renderSchedule(schedule));
    if (targets && Object.keys(observed).length > 0)
      settlement = attempt(() =>
        settleYear({ ...etpBase, ...settleFacts, targets: settlementTargets(targets.targets) } as unknown as CollectiveSettleInput, FR),
      );
    done.push(...[eligibility, targets, schedule].filter((r): r is NonNullable<typeof r> => r !== undefined));
  } else {
    const input = individualInput(s);
    const eligibility = attempt(() => checkEligibility(input as unknown as EligibilityInput, FR));
    const { signedOn, specialty, patientele, newlyInstalled } = input;
    const offered = eligibility ? (ruleSets[eligibility.ruleSet] as IndividualRegime).table.newOptions.value : [];
    const byOption = offered.flatMap((o) => {
      const t = attempt(() =>
        patientTargets(compact({ signedOn, specialty, patientele, newlyInstalled, option: o }) as unknown as TargetsInput, FR),
      );
      return t ? [[o, t] as const] : [];
    });
    schedule = attempt(() => aidSchedule(compact({ signedOn, option: s.option, tier: s.tier }) as unknown as ScheduleInput, FR));
    if (eligibility) blocks.push(renderEligibility(eligibility));
    if (byOption.length > 0) blocks.push(renderTargets(byOption));
    if (schedule) blocks.push(renderSchedule(schedule));
    const chosen = byOption.find(([o]) => o === s.option)?.[1];
    if (chosen && Object.keys(observed).length > 0)
      settlement = attempt(() =>
        settleYear(
          compact({
            signedOn,
            option: s.option,
            tier: s.tier,
            ...settleFacts,
            targets: settlementTargets(chosen.targets),
          }) as unknown as SettleInput,
          FR,
        ),
      );
    done.push(...[eligibility, ...byOption.map(([, t]) => t), schedule].filter((r): r is NonNullable<typeof r> => r !== undefined));
  }
  if (settlement) {
    blocks.push(renderSettlement(settlement));
    done.push(settlement);
  } else if (schedule) {
    blocks.push(
      el('p', { class: 'help', id: 'settle-hint' }, "Indiquez les nombres constatés en fin d'année pour simuler la régularisation."),
    );
  }
  const warnings = renderWarnings(done);
  if (warnings) blocks.push(warnings);
  results.replaceChildren(...blocks);
  csv = toCsv(schedule, settlement);
  ($('downloadCsv') as HTMLAnchorElement).href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
}

// ─── Wiring ─────────────────────────────────────────────────────────────────

let timer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(compute, 250);
});
form.addEventListener('change', (event) => {
  const path = event.target instanceof HTMLElement ? event.target.dataset.path : undefined;
  if (path !== undefined) touched.add(path);
  clearTimeout(timer);
  compute();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  submitted = true;
  clearTimeout(timer);
  compute();
});
$('addMember').addEventListener('click', () => {
  addMember();
  membersBody.rows[membersBody.rows.length - 1]?.querySelector('input')?.focus();
});
$('print').addEventListener('click', () => {
  window.print();
});
$('copyCsv').addEventListener('click', () => {
  const done = () => ($('status').textContent = 'Résultats copiés en CSV.');
  navigator.clipboard.writeText(csv).then(done, () => {
    $('status').textContent = 'Copie refusée par le navigateur : utilisez « Télécharger le CSV ».';
  });
});
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(readState()).toString() === location.hash.replace(/^#/, '')) return;
  writeState(stateFromUrl());
  compute();
});

$('version').textContent = __LIBRARY_VERSION__;
writeState(stateFromUrl());
adapt();
// A case opened from its address shows everything, its errors included.
submitted = location.hash.length > 1;
if (submitted) compute();
