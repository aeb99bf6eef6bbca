/** Version of the library (kept equal to package.json by a test). @internal */
export const LIBRARY_VERSION = '0.1.0';

/**
 * Version of the trace format (`TraceStep` and the result fields around it). It changes only
 * when a stored result could no longer be read the same way; see docs/trace-format.md.
 * @internal
 */
export const TRACE_VERSION = 2;
