// The programmatic API (bundled to dist/api.mjs): build many documents in one process, or watch.
export { buildProject, type BuildOptions, type BuildResult, type BuiltDocument } from './build/buildProject.js';
// A caller building a project many times passes one session: compiled charts, broken paragraphs
// and font subsets are then made once, as in watch mode.
export { BuildSession } from './build/buildSession.js';
export { watchProject, type WatchEvent, type WatchOptions } from './build/watchProject.js';
export { InputError, InputErrors } from './errors.js';
export { checkProject, type CheckOptions, type CheckResult } from './check/checkProject.js';
export { formatDiagnostic, type Diagnostic, type Severity } from './check/diagnostic.js';
export type { Check, CheckContext } from './check/checkTypes.js';
export { runMerge, type MergeOptions, type MergeResult, type Manifest } from './merge/runMerge.js';
export { MergeEngine } from './merge/mergeEngine.js';
export { sendCampaign, type SendOptions, type SendSummary } from './mail/sendCampaign.js';
