// The logo SVG reader: the common subset read into shapes (path data, transforms, colours),
// and everything outside it refused at its line rather than drawn wrong.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { readSvg } from '../../../src/load/readSvg.js';

const FILE = 'content/images/logo.svg';
const svg = (body: string, attrs = 'viewBox="0 0 100 50"') => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>\n${body}\n</svg>\n`;

function refusal(text: string): string {
  try {
    readSvg(text, FILE);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('readSvg', () => {
  it('reads shapes into path data with inherited colours and composed transforms', () => {
    const d = readSvg(svg(`<g fill="red" transform="translate(10 5) scale(2)">
  <rect x="1" y="2" width="3" height="4"/>
  <circle cx="5" cy="5" r="2" style="fill: #00ff00; stroke: blue; stroke-width: 0.5"/>
  <polygon points="0,0 4,0 2,3" fill-rule="evenodd" opacity="0.5"/>
</g>
<line x1="0" y1="0" x2="10" y2="10" stroke="black"/>`), FILE);
    expect(d.viewBox).toEqual([0, 0, 100, 50]);
    expect(d.shapes.map((s) => s.d)).toEqual([
      'M1 2H4V6H1Z',
      'M3 5A2 2 0 1 0 7 5A2 2 0 1 0 3 5Z',
      'M0 0L4 0L2 3Z',
      'M0 0L10 10',
    ]);
    expect(d.shapes[0]).toMatchObject({ fill: '#ff0000', stroke: null, matrix: [2, 0, 0, 2, 10, 5] });
    expect(d.shapes[1]).toMatchObject({ fill: '#00ff00', stroke: '#0000ff', strokeWidth: 0.5 });
    expect(d.shapes[2]).toMatchObject({ fillRule: 'evenodd', fillOpacity: 0.5 });
    // Fill defaults to black, stroke to none; outside the group no transform.
    expect(d.shapes[3]).toMatchObject({ fill: '#000000', stroke: '#000000', matrix: [1, 0, 0, 1, 0, 0] });
  });

  it('reads dashes, and skips editors\' data of other namespaces', () => {
    const d = readSvg(svg('<sodipodi:namedview pagecolor="#fff"><inkscape:grid/></sodipodi:namedview>\n<line x2="10" stroke="red" stroke-dasharray="2" inkscape:label="rule"/>'), FILE);
    expect(d.shapes).toHaveLength(1);
    expect(d.shapes[0].dash).toEqual([2, 2]);
    expect(refusal(svg('<path d="M0 0L5 5" stroke="red" marker-end="url(#arrow)"/>'))).toContain('marker-end is not supported in a logo');
  });

  it('takes the size from width and height when there is no viewBox; skips titles and empty defs', () => {
    const d = readSvg(svg('<title>Logo & <b>mark</b></title><defs/><path d="M0 0h10v10z"/>', 'width="40px" height="20"'), FILE);
    expect(d.viewBox).toEqual([0, 0, 40, 20]);
    expect(d.shapes).toHaveLength(1);
  });

  it.each([
    ['<text x="0" y="10">Org</text>', 3, '<text> is not supported in a logo'],
    ['<image href="photo.png" width="10" height="10"/>', 3, '<image> is not supported in a logo'],
    ['<linearGradient id="g"/>', 3, '<linearGradient> is not supported'],
    ['<rect width="10" height="10" fill="url(#g)"/>', 3, 'gradients and patterns are not supported'],
    ['<style>rect { fill: red }</style>', 3, '<style> is not supported'],
    ['<rect class="a" width="1" height="1"/>', 3, 'class="…" needs a style sheet'],
    ['<defs><path d="M0 0h1v1z"/></defs>', 3, 'inside <defs> is not supported'],
    ['<rect width="10" height="10" transform="perspective(2)"/>', 3, 'is not one the logo reader knows'],
    ['<rect width="10%" height="10"/>', 3, 'width="10%" must be a number'],
    ['<g>', 4, '</svg> closes <g>'],
  ])('refuses %s at line %s', (body, line, problem) => {
    const message = refusal(svg(body));
    expect(message.startsWith(`${FILE}:${line}: `), message).toBe(true);
    expect(message).toContain(problem);
  });

  it('refuses a DOCTYPE that declares entities, and a file that is not SVG', () => {
    expect(refusal('<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n<svg viewBox="0 0 1 1"><path d="M0 0h1v1z"/></svg>')).toContain(`${FILE}:1: a DOCTYPE with declarations is not supported`);
    expect(refusal('<html><body/></html>')).toContain('the file\'s root element is <html>, not <svg>');
    expect(refusal(svg(''))).toContain('the SVG draws nothing');
  });
});
