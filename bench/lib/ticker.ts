/**
 * Progress lines for a child's long work, at most one every `everyMs`, on stderr (which the bench
 * passes through): a load of L runs for minutes and should not look stuck.
 */
export function ticker(prefix: string, everyMs = 10_000): (line: () => string) => void {
  let last = performance.now();
  return (line) => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    process.stderr.write(`  ${prefix}: ${line()}\n`);
  };
}
