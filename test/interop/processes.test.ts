// The interop tests' safety net: a missing client fails (never skips) naming its Debian package, and
// a client that ignores its stop signal is killed, so no test leaves a process behind.
import { afterEach, describe, expect, it } from 'vitest';
import { ClientProcesses, requireCommands, waitFor } from './processes';

const clients = new ClientProcesses();

afterEach(async () => {
  await clients.killAll();
});

describe('interop test harness', () => {
  it('fails with the Debian package to install when a client is missing', () => {
    expect(() => requireCommands({ sh: 'dash', 'tracker-lab-no-such-client': 'no-such-package' })).toThrow(
      'not installed: tracker-lab-no-such-client (Debian package no-such-package); ' +
        'run: apt-get install -y --no-install-recommends no-such-package',
    );
    expect(() => requireCommands({ sh: 'dash' })).not.toThrow();
  });

  it('stops a client with its signal, and with SIGKILL when it ignores the signal', async () => {
    const polite = clients.start('polite', 'sh', ['-c', 'exec sleep 30']);
    expect(await polite.stop('SIGTERM', 5_000)).toEqual({ code: null, signal: 'SIGTERM', killed: false });

    const stubborn = clients.start('stubborn', 'sh', [
      '-c',
      'trap "" TERM; echo ready; while :; do sleep 1; done',
    ]);
    await waitFor('the trap to be set', () => (stubborn.log().includes('ready') ? true : undefined), 5_000);
    expect(await stubborn.stop('SIGTERM', 300)).toEqual({ code: null, signal: 'SIGKILL', killed: true });
    expect(stubborn.running).toBe(false);
  });
});
