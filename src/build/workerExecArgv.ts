// The node flags a worker thread of ours starts with. A worker inherits the process's execArgv,
// and a host that runs us from `node --input-type=module -e …` (a script using the API) passes
// a flag that only applies to string input: node refuses to start a worker from a file with it
// (ERR_INPUT_TYPE_NOT_ALLOWED), so it is left out; every other flag is kept.
export function workerExecArgv(): string[] {
  const out: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const a = process.execArgv[i];
    if (a === '--input-type') i++;
    else if (!a.startsWith('--input-type=')) out.push(a);
  }
  return out;
}
