// `report check`: every stage short of writing files (load, parse, resolve, layout, render in
// memory), then the checks in checks.ts, and every error and warning found, in order.
import { buildProject, type BuildOptions } from '../build/buildProject.js';
import type { Check } from './checkTypes.js';
import { CHECKS } from './checks.js';
import { countDiagnostics, orderDiagnostics, type Diagnostic } from './diagnostic.js';

export interface CheckResult {
  /** Errors and warnings, by file, line and column, each once. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

export type CheckOptions = Omit<BuildOptions, 'check' | 'dryRun' | 'outDir' | 'onStage'> & { checks?: readonly Check[] };

export async function checkProject(opts: CheckOptions): Promise<CheckResult> {
  const { checks = CHECKS, ...build } = opts;
  // The disk cache is read, never written: `defer` holds writes until a flush that never comes.
  const r = await buildProject({ ...build, cache: build.cache && { ...build.cache, defer: true }, check: true, dryRun: true });
  const found = [...r.diagnostics];
  if (r.checked) for (const c of checks) found.push(...c.run(r.checked));
  const diagnostics = orderDiagnostics(found);
  return { diagnostics, ...countDiagnostics(diagnostics) };
}
