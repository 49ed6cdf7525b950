import { clientAddressKey } from './client-address';

describe('clientAddressKey', () => {
  it('counts every address of one IPv6 /64 as one client', () => {
    const a = clientAddressKey('2001:db8:85a3:1:0:0:0:1');
    expect(a).toBe('2001:db8:85a3:1::/64');
    expect(clientAddressKey('2001:db8:85a3:1:ffff:ffff:ffff:ffff')).toBe(a);
    expect(clientAddressKey('2001:0DB8:85A3:0001::abcd')).toBe(a);
    expect(clientAddressKey('2001:db8:85a3:1::1%eth0')).toBe(a);
  });

  it('keeps neighbouring /64s apart', () => {
    expect(clientAddressKey('2001:db8:85a3:2::1')).not.toBe(clientAddressKey('2001:db8:85a3:1::1'));
    expect(clientAddressKey('::2')).toBe('0:0:0:0::/64');
  });

  it('counts an IPv4 address the same plain or IPv4-mapped', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('203.0.113.8')).not.toBe(clientAddressKey('203.0.113.7'));
  });

  it('counts the loopback addresses as one machine', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect(clientAddressKey(address)).toBe('loopback');
    }
  });

  it('gives an unreadable address a key of its own', () => {
    expect(clientAddressKey(undefined)).toBe('unknown');
    expect(clientAddressKey('')).toBe('unknown');
    expect(clientAddressKey('not-an-address')).toBe('other:not-an-address');
  });

  it('reads an IPv6 address with an IPv4 tail', () => {
    expect(clientAddressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });
});
