// Where a live tracker listens and what the user is told about it.
import { describe, expect, it } from 'vitest';
import {
  exposureWarning,
  isLoopbackHost,
  reachableAddresses,
  validBindHost,
} from '../../electron/live/bindAddress';

describe('bind address', () => {
  it('loopback (127.0.0.0/8, ::1, localhost) needs no warning; anything else gets one', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(true);
      expect(exposureWarning(host)).toBeNull();
    }
    expect(exposureWarning('0.0.0.0')).toBe(
      'WARNING: the tracker listens on every interface (0.0.0.0), beyond loopback: real clients on the ' +
        'network can reach it and announce. Simulated peers have loopback addresses (127.x.y.z), useless ' +
        'to other machines.',
    );
    expect(exposureWarning('::')).toContain('every interface (::)');
    expect(exposureWarning('192.168.1.20')).toContain('listens on 192.168.1.20, beyond loopback');
  });

  it('only IP addresses and localhost are valid hosts', () => {
    expect(['127.0.0.1', '0.0.0.0', '::', 'localhost', 'fe80::1'].map(validBindHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['', 'my laptop', '300.1.1.1', 'example.com'].map(validBindHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('a wildcard bind is reachable at the non-internal IPv4 addresses', () => {
    const interfaces = [
      { address: '127.0.0.1', family: 'IPv4' as const, internal: true },
      { address: '192.168.1.20', family: 'IPv4' as const, internal: false },
      { address: 'fe80::1', family: 'IPv6' as const, internal: false },
      { address: '10.0.0.5', family: 4 as const, internal: false },
    ];
    expect(reachableAddresses('0.0.0.0', interfaces)).toEqual(['192.168.1.20', '10.0.0.5']);
    expect(reachableAddresses('127.0.0.1', interfaces)).toEqual([]);
    expect(reachableAddresses('192.168.1.20', interfaces)).toEqual([]);
  });
});
