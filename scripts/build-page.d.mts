/** Builds dist/simulateur.html and returns its path and size in bytes. */
export function buildPage(): Promise<{ path: string; bytes: number }>;
