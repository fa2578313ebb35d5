// Progress of a long run (merge, send). On a terminal: one line redrawn in place with
// done/total, rate, time left and failures. Elsewhere (CI logs, files): a line at every 5 %
// and nothing in between, so a log of 10,000 messages stays readable.

export interface ProgressSink {
  /** Whether `write` goes to a terminal (carriage returns redraw the line). */
  tty: boolean;
  write(s: string): void;
}

export interface Progress {
  update(done: number, failed: number): void;
  /** Ends the line on a terminal. */
  finish(): void;
}

export function progressLine(label: string, total: number, sink: ProgressSink, now: () => number = () => performance.now()): Progress {
  const start = now();
  let lastStep = 0;
  let lastDraw = -Infinity;
  let drawn = false;
  const text = (done: number, failed: number) => {
    const secs = (now() - start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const left = rate > 0 ? (total - done) / rate : NaN;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    return `${label} ${done}/${total} (${pct}%) · ${rate.toFixed(1)}/s · ${Number.isFinite(left) ? `${duration(left)} left` : '…'} · ${failed} failed`;
  };
  return {
    update(done, failed) {
      if (sink.tty) {
        // Redrawing costs a write; ten a second is plenty for the eye.
        if (now() - lastDraw < 100 && done < total) return;
        lastDraw = now();
        sink.write(`\r\x1b[K${text(done, failed)}`);
        drawn = true;
        return;
      }
      const step = total ? Math.floor((done / total) * 20) : 20;
      if (step > lastStep || done === total) {
        if (step === lastStep && done !== total) return;
        lastStep = step;
        sink.write(text(done, failed) + '\n');
      }
    },
    finish() {
      if (sink.tty && drawn) sink.write('\n');
    },
  };
}

function duration(secs: number): string {
  if (secs < 60) return `${Math.ceil(secs)} s`;
  if (secs < 3600) return `${Math.floor(secs / 60)} min ${Math.round(secs % 60)} s`;
  return `${Math.floor(secs / 3600)} h ${Math.round((secs % 3600) / 60)} min`;
}
