// Shared test data: a real-looking group of four GPs of an SCM, two hosting a docteur junior,
// each with the individual option they would choose (used by the comparison tests and the
// worked example of docs/examples.md).
export const FOUR_GPS = [
  {
    id: 'Dr Martin',
    sector: 'secteur-1',
    patientele: { medecinTraitant: 1100, fileActive: 1600 },
    option: 'full-time',
    hostsDocteurJunior: true,
  },
  {
    id: 'Dr Bernard',
    sector: 'secteur-1',
    patientele: { medecinTraitant: 900, fileActive: 1350 },
    option: 'half-time',
    hostsDocteurJunior: true,
  },
  { id: 'Dr Petit', sector: 'secteur-2-optam', patientele: { medecinTraitant: 700, fileActive: 1100 }, option: 'half-time' },
  { id: 'Dr Durand', sector: 'secteur-1', patientele: { medecinTraitant: 820, fileActive: 1250 }, option: 'half-time', tier: 'standard' },
] as const;
