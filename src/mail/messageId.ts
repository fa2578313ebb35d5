// A Message-ID that is the same every time a recipient's message of a campaign is made: a
// message sent again after a lost answer (or a resumed run) carries the id of the first
// attempt, so receiving systems can tell it is the same message.
import { createHash } from 'node:crypto';

export function stableMessageId(campaign: string, id: string, fromAddress: string, test = false): string {
  const h = createHash('sha256').update(`${campaign}\0${id}\0${test ? 'test' : ''}`).digest('hex').slice(0, 24);
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return `<${campaign}.${test ? 'test.' : ''}${h}@${domain}>`;
}
