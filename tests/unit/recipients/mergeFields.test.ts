// Merge fields in content: {{recipient.NAME}} with fallbacks, values formatted like figures in
// the recipient's language, `::: if` sections, and a located error (never "Dear ,") for a
// blank field without a fallback.
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../src/errors.js';
import { parseMarkdown } from '../../../src/parse/parseMarkdown.js';
import type { Recipient } from '../../../src/recipients/recipientTypes.js';
import type { MergeRecipient } from '../../../src/resolve/mergeFields.js';
import { resolveDocument, textOf } from '../../../src/resolve/resolveDocument.js';
import type { RBlock } from '../../../src/resolve/resolvedTypes.js';
import { markdownSource, sampleStages } from '../../helpers/buildMarkdown.js';

const COLUMNS = ['id', 'email', 'name', 'salutation', 'language', 'last_gift', 'last_gift_date'];

function recipient(cells: Record<string, string>, line = 5): MergeRecipient {
  const fields = new Map(Object.entries(cells).filter(([, v]) => v !== ''));
  const r: Recipient = { id: cells.id, email: cells.email, name: cells.name, language: cells.language || undefined, fields, place: { file: 'content/donors.csv', line } };
  return { recipient: r, columns: COLUMNS, types: new Map([['last_gift', 'USD'], ['last_gift_date', 'date']]), locale: 'en-GB' };
}

const SOPHIE = recipient({ id: 'd1', email: 's@example.org', name: 'Sophie Martin', salutation: 'Ms Martin', last_gift: '1200', last_gift_date: '2026-03-14' });
const CLAIRE = recipient({ id: 'd4', email: 'c@example.org', name: 'Claire Dubois', salutation: 'Madame Dubois', language: 'fr-FR', last_gift: '1250.5', last_gift_date: '2026-06-30' });
const NEW_DONOR = recipient({ id: 'd3', email: 'n@example.org', name: 'Nguyễn Thị Lan', salutation: '' }, 11);

async function resolve(body: string, m: MergeRecipient | undefined): Promise<string[]> {
  const st = sampleStages({ plain: true });
  const { tree } = parseMarkdown(markdownSource(body));
  const doc = await st.session.run(() => resolveDocument(tree, st.source, st.template, 400, () => Promise.reject(new Error('no charts here')), m));
  return doc.blocks.map((b: RBlock) => (b.kind === 'paragraph' || b.kind === 'heading' ? textOf(b.inlines) : b.kind));
}

async function errorsOf(body: string, m: MergeRecipient | undefined): Promise<string[]> {
  try {
    await resolve(body, m);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
}

const LETTER = `Dear {{recipient.salutation | default: "friend"}},

::: if recipient.last_gift
Your gift of {{recipient.last_gift}} on {{recipient.last_gift_date}} is at work.
:::

::: if not recipient.last_gift
Thank you for joining us.
:::

Yours, for **{{recipient.name}}**.`;

describe('merge fields', () => {
  it('fill in values, formatted like figures of their type in the recipient\'s language', async () => {
    expect(await resolve(LETTER, SOPHIE)).toEqual(['Dear Ms Martin,', 'Your gift of $1,200 on 14 March 2026 is at work.', 'Yours, for Sophie Martin.']);
    // French: grouping and decimal comma, the date in French.
    // French money as French writes it: grouped with a narrow space, two decimals, the symbol after.
    const [salutation, gift, signoff] = await resolve(LETTER, CLAIRE);
    expect([salutation, signoff]).toEqual(['Dear Madame Dubois,', 'Yours, for Claire Dubois.']);
    expect(gift).toMatch(/^Your gift of 1\u202f250,50[\u00a0\u202f]\$ on 30 juin 2026 is at work\.$/);
  });

  it('use the fallback for a blank field, and `::: if not` sections for recipients without one', async () => {
    expect(await resolve(LETTER, NEW_DONOR)).toEqual(['Dear friend,', 'Thank you for joining us.', 'Yours, for Nguyễn Thị Lan.']);
  });

  it('a blank field with no fallback is an error naming the field\'s place and the recipient\'s row', async () => {
    expect(await errorsOf('Dear {{recipient.salutation}},\n\nSee you.', NEW_DONOR)).toEqual([
      'content/brief.md:9:6: recipient d3 (content/donors.csv:11) has no salutation — fill it in, or give a fallback: {{recipient.salutation | default: "…"}}',
    ]);
  });

  it('a column the recipients file does not have is an error, unless there is a fallback', async () => {
    expect(await errorsOf('Dear {{recipient.first_name}},\n\n::: if recipient.programme\nx\n:::', SOPHIE)).toEqual([
      'content/brief.md:9:6: the recipients file content/donors.csv has no column "first_name" — the columns are id, email, name, salutation, language, last_gift, last_gift_date',
      'content/brief.md:11: the recipients file content/donors.csv has no column "programme" — the columns are id, email, name, salutation, language, last_gift, last_gift_date',
    ]);
    expect(await resolve('Dear {{recipient.first_name | default: "friend"}},', SOPHIE)).toEqual(['Dear friend,']);
  });

  it('without a recipient the document is a proof: «fields», `if` sections shown, `if not` not', async () => {
    expect(await resolve(LETTER, undefined)).toEqual(['Dear «salutation»,', 'Your gift of «last_gift» on «last_gift_date» is at work.', 'Yours, for «name».']);
  });

  it('a malformed field or condition is a parse error with its place', () => {
    const parse = (body: string) => {
      try {
        parseMarkdown(markdownSource(body));
      } catch (e) {
        return (e as InputError).message;
      }
      return 'parsed';
    };
    expect(parse('Dear {{recipient.name | upper}},')).toBe('content/brief.md:9:6: "{{recipient.name | upper}}" is not a merge field — write {{recipient.NAME}} or {{recipient.NAME | default: "text"}}, where NAME is a column of the recipients file');
    expect(parse('::: if last_gift\nx\n:::')).toBe('content/brief.md:9: "::: if last_gift" must name a recipient field — write ::: if recipient.NAME, or ::: if not recipient.NAME, where NAME is a column of the recipients file');
    // Only {{recipient.…}} is a field: other braces stay text.
    expect(parse('Braces {{recipients}} and {{Recipient.name}} stay text.')).toBe('parsed');
  });
});
