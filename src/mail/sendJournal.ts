// The send journal of a campaign: an append-only file of one JSON line per event, written and
// fsync'd before a message is handed to the server ("sending") and as soon as the server has
// answered ("sent", "failed" for a 5xx answer, "deferred" when 4xx answers or dropped
// connections outlast the retries). A rerun after a crash, a kill or a network failure skips
// what was accepted and sends everything else: a message is never sent twice, except in the
// instant (well under a millisecond) between the server's acceptance and the journal line, a
// window SMTP itself cannot close (RFC 1047); the Message-ID is then the same, so receiving
// systems can recognise the copy.
//
// Each process (each --shard) appends to its own file; every file of the campaign is read at
// the start, so an unsharded rerun knows what the shards sent.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Journal, readJournal } from '../merge/durableFile.js';

export type SendState = 'sending' | 'sent' | 'failed' | 'deferred';

export interface SendRecord {
  id: string;
  state: SendState;
  email: string;
  messageId: string;
  attempt: number;
  /** The SMTP reply code and text, when the server answered. */
  code?: number;
  response?: string;
  at: string;
}

export class SendJournal {
  private constructor(private readonly journal: Journal, private readonly last: Map<string, SendRecord>) {}

  static open(dir: string, campaign: string, suffix: string): SendJournal {
    const last = new Map<string, SendRecord>();
    let names: string[] = [];
    try {
      const mine = new RegExp(`^${campaign.replace(/[.]/g, '\\.')}(-\\d+-of-\\d+)?\\.send-journal\\.jsonl$`);
      names = readdirSync(dir).filter((n) => mine.test(n));
    } catch {
      // No journal yet.
    }
    for (const n of names.sort()) {
      for (const r of readJournal<SendRecord>(join(dir, n))) if (typeof r?.id === 'string' && typeof r.state === 'string') last.set(r.id, r);
    }
    return new SendJournal(Journal.open(join(dir, `${campaign}${suffix}.send-journal.jsonl`), false), last);
  }

  /** The last event of a recipient, in any of the campaign's journals. */
  state(id: string): SendRecord | undefined {
    return this.last.get(id);
  }

  record(r: Omit<SendRecord, 'at'>): void {
    const rec = { ...r, at: new Date().toISOString() };
    this.journal.append(rec);
    this.last.set(r.id, rec);
  }

  close(): void {
    this.journal.close();
  }
}
