// The preview page's markup and style: a tab per document, the pages, the problems beside
// them, and the errors of a failed build over the last good pages.
const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

export function previewPage(title: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview · ${escapeText(title)}</title>
<style>
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #e9ecef; }
header { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 1rem; padding: 0.4rem 1rem; background: #0f5c63; color: #fff; }
header h1 { font-size: 1rem; margin: 0; font-weight: 600; }
[role=tablist] { display: flex; gap: 0.25rem; flex-wrap: wrap; }
[role=tab] { font: inherit; border: 0; border-radius: 4px; padding: 0.3rem 0.8rem; background: transparent; color: #e6f0f0; cursor: pointer; }
[role=tab][aria-selected=true] { background: #fff; color: #0f5c63; font-weight: 600; }
#status { margin-left: auto; font-size: 0.85rem; color: #e6f0f0; }
#layout { display: flex; gap: 1rem; align-items: flex-start; padding: 1rem; }
#pages { flex: 1; display: flex; flex-direction: column; align-items: center; gap: 1rem; min-width: 0; }
.page { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.25); max-width: 100%; }
.page canvas { display: block; width: 100%; height: auto; }
.page .label { position: absolute; top: 100%; right: 0; font-size: 0.75rem; color: #5b6470; }
.hl { position: absolute; border: 2px solid #d1242f; background: rgba(209, 36, 47, 0.15); border-radius: 2px; cursor: help; }
.hl:hover, .hl.active { background: rgba(209, 36, 47, 0.35); }
#problems { width: 19rem; flex: none; position: sticky; top: 3.2rem; max-height: calc(100vh - 4rem); overflow: auto; background: #fff; border-radius: 4px; padding: 0.6rem 0.8rem; box-shadow: 0 1px 3px rgba(0,0,0,0.15); }
#problems h2 { font-size: 0.95rem; margin: 0 0 0.4rem; }
#problems ul { margin: 0; padding-left: 1.1rem; }
#problems li { margin-bottom: 0.35rem; }
#problems button { font: inherit; background: none; border: 0; padding: 0; color: #0f5c63; text-decoration: underline; cursor: pointer; text-align: left; }
#problems .none { color: #1a7f37; }
#errors { position: fixed; z-index: 10; left: 50%; top: 3.6rem; transform: translateX(-50%); width: min(46rem, 94vw); max-height: 70vh; overflow: auto; background: #fff5f5; border: 2px solid #d1242f; border-radius: 6px; padding: 0.8rem 1rem; box-shadow: 0 6px 24px rgba(0,0,0,0.3); }
#errors[hidden] { display: none; }
#errors h2 { margin: 0 0 0.5rem; font-size: 1rem; color: #a40e26; }
#errors ul { margin: 0; padding-left: 1.1rem; }
#errors li { margin-bottom: 0.5rem; }
#errors .place { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
#errors .fix { display: block; color: #3d4349; }
body.stale #pages { opacity: 0.55; }
@media (max-width: 50rem) { #layout { flex-direction: column; } #problems { position: static; width: 100%; max-height: none; } }
</style></head>
<body>
<header><h1>Preview</h1><div role="tablist" aria-label="Documents" id="tabs"></div><span id="status" role="status" aria-live="polite">connecting…</span></header>
<div id="errors" role="alert" hidden></div>
<div id="layout"><main id="pages" aria-label="Pages"></main><aside id="problems" aria-label="Problems"></aside></div>
<script type="module" src="/preview.js"></script>
</body></html>
`;
}
