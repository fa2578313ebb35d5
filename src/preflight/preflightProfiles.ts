// The purposes `report preflight` checks a PDF for (kept apart from preflight.ts so the
// argument parser does not load pdf-lib).
export type PreflightProfile = 'print' | 'screen' | 'email';
export const PREFLIGHT_PROFILES: readonly PreflightProfile[] = ['print', 'screen', 'email'];
