// The print and preflight flags of the command line.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/parseArgs.js';

describe('print and preflight arguments', () => {
  it('build --print, --impose (which implies --print), --creep with a booklet', () => {
    expect(parseArgs(['build', '--print'])).toMatchObject({ command: 'build', print: true });
    expect(parseArgs(['build', 'brief', '--impose', 'booklet', '--creep', '0.4'])).toMatchObject({ documents: ['brief'], print: true, impose: 'booklet', creepMm: 0.4 });
    expect(parseArgs(['build', 'handout', '--impose', '2up'])).toMatchObject({ print: true, impose: '2up' });
  });

  it('preflight takes files, a profile, --json and --max-ink', () => {
    expect(parseArgs(['preflight', 'a.pdf', 'dir/b.pdf', '--profile', 'email', '--json', '--max-ink', '320']).preflight).toEqual({ files: ['a.pdf', 'dir/b.pdf'], profile: 'email', json: true, maxInk: 320 });
    expect(parseArgs(['preflight', 'a.pdf']).preflight).toEqual({ files: ['a.pdf'], profile: 'print', json: false });
  });

  it('refuses what does not fit', () => {
    expect(() => parseArgs(['build', '--impose', 'saddle'])).toThrow('--impose must be booklet or 2up, not "saddle"');
    expect(() => parseArgs(['build', '--print', '--creep', '1'])).toThrow('--creep goes with --impose booklet');
    expect(() => parseArgs(['build', '--impose', 'booklet', '--creep', '9'])).toThrow('--creep must be a number of millimetres from 0 to 5');
    expect(() => parseArgs(['watch', '--print'])).toThrow('--print, --impose and --creep go with build');
    expect(() => parseArgs(['build', '--json'])).toThrow('--profile, --json and --max-ink go with preflight');
    expect(() => parseArgs(['preflight'])).toThrow('preflight needs the PDF file(s) to check');
    expect(() => parseArgs(['preflight', 'a.pdf', '--max-ink', '50'])).toThrow('--max-ink must be a whole per cent from 100 to 400');
  });
});
