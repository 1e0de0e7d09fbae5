/**
 * The test harness's database leases: files running at the same time get different databases,
 * a file waits while all are held, and a lease left by a dead process is taken over.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leaseDatabase } from '../helpers/database-lease.ts';

const folders: string[] = [];
const quiet = () => {};
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aidgraph-lease-test-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('test database leases', () => {
  it('gives files that run at the same time different databases', async () => {
    const dir = folder();
    const first = await leaseDatabase(dir, 2, 'a.test.ts', quiet);
    const second = await leaseDatabase(dir, 2, 'b.test.ts', quiet);
    expect([first.index, second.index]).toEqual([0, 1]);
    first.release();
    const third = await leaseDatabase(dir, 2, 'c.test.ts', quiet);
    expect(third.index).toBe(0);
  });

  it('makes a file wait while every database is held, and says who holds them', async () => {
    const dir = folder();
    const held = await leaseDatabase(dir, 1, 'a.test.ts', quiet);
    const lines: string[] = [];
    const waiting = leaseDatabase(dir, 1, 'b.test.ts', (line) => lines.push(line));
    await new Promise((r) => setTimeout(r, 500));
    expect(lines.join('\n')).toContain('all 1 in use');
    expect(lines.join('\n')).toContain('a.test.ts');
    held.release();
    expect((await waiting).index).toBe(0);
  });

  it('gives up after its wait, naming the holder', async () => {
    const dir = folder();
    await leaseDatabase(dir, 1, 'a.test.ts', quiet);
    await expect(leaseDatabase(dir, 1, 'b.test.ts', quiet, 300)).rejects.toThrow(/none came free .*a\.test\.ts/);
  });

  it('takes over a lease whose process has ended', async () => {
    const dir = folder();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(ended.stdout);
    expect(deadPid).toBeGreaterThan(0);
    writeFileSync(join(dir, 'database-1.json'), JSON.stringify({ pid: deadPid, file: 'killed.test.ts', since: '' }));
    const lines: string[] = [];
    const lease = await leaseDatabase(dir, 1, 'b.test.ts', (line) => lines.push(line));
    expect(lease.index).toBe(0);
    expect(lines.join('\n')).toContain(`taking over the lease of pid ${deadPid}`);
  });
});
