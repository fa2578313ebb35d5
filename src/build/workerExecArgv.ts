// The node flags a worker thread of ours starts with. By default a worker inherits the process's
// flags, which is what we want, except when the host runs us from `node --input-type=module -e …`
// (a script using the API): node refuses to start a worker from a file with that flag
// (ERR_INPUT_TYPE_NOT_ALLOWED). Passing a filtered list instead is no way out, because an
// explicit list is checked flag by flag and process-wide flags such as --expose-gc are refused
// there (ERR_WORKER_INVALID_EXEC_ARGV); so in that case the worker starts with none. Our workers
// need none of the host's flags.
export function workerExecArgv(): string[] | undefined {
  return process.execArgv.some((a) => a === '--input-type' || a.startsWith('--input-type=')) ? [] : undefined;
}
