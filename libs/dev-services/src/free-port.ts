import { readFileSync } from 'node:fs';
import * as net from 'node:net';

/** Where the kernel's ephemeral ports begin when it does not say (Linux's default, and IANA's is higher). */
const EPHEMERAL_FROM = 32_768;
/** Free ports are drawn from here up to the ephemeral range. */
const DRAW_FROM = 10_000;

/**
 * A free TCP port for a server the caller starts soon after (the API, PostgreSQL, Redis, a mail sink).
 * Drawn at random below the kernel's ephemeral range: a port the OS picked itself (listen on 0) is
 * one it also hands to outgoing connections, and in the seconds before the caller listens (the
 * API's start-up) any connection to the database or Redis could take it (EADDRINUSE). Another
 * caller drawing the same port at once is left to chance: one in some twenty thousand.
 */
export async function findFreePort(): Promise<number> {
  const below = ephemeralFrom();
  if (below - DRAW_FROM >= 1_000) {
    for (let i = 0; i < 20; i++) {
      const port = DRAW_FROM + Math.floor(Math.random() * (below - DRAW_FROM));
      if (await isFreeOnLoopback(port)) return port;
    }
  }
  return osPickedPort();
}

/** The first port of the kernel's ephemeral range (Linux says it in /proc); the usual one elsewhere. */
export function ephemeralFrom(): number {
  try {
    const [from] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return from && Number.isInteger(from) ? from : EPHEMERAL_FROM;
  } catch {
    return EPHEMERAL_FROM;
  }
}

function osPickedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close((error) => (error ? reject(error) : resolve(port)));
    });
  });
}

/** Free both where the API listens (every interface) and where the test servers do (127.0.0.1). */
async function isFreeOnLoopback(port: number): Promise<boolean> {
  return (await isPortFree(port)) && (await listensOn(port, '127.0.0.1'));
}

/** True when nothing listens on `port` yet (tried the way the API listens: every interface). */
export function isPortFree(port: number): Promise<boolean> {
  return listensOn(port);
}

function listensOn(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}
