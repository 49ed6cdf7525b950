import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { CHROMIUM, ensurePrograms, locateProgram, planInstall, REDIS_SERVER, type Host } from './system-programs';

const debianRoot: Host = { platform: 'linux', hasAptGet: true, isRoot: true, passwordlessSudo: false, autoInstall: true };

describe('planInstall', () => {
  it('does nothing when nothing is missing', () => {
    expect(planInstall([], debianRoot)).toEqual({ kind: 'nothing' });
  });

  it('installs every missing package in one apt-get call as root', () => {
    expect(planInstall([REDIS_SERVER, CHROMIUM], debianRoot)).toEqual({ kind: 'install', packages: ['redis-server', 'chromium-headless-shell'], asRoot: [] });
  });

  it('installs through sudo when it needs no password', () => {
    const plan = planInstall([CHROMIUM], { ...debianRoot, isRoot: false, passwordlessSudo: true });
    expect(plan).toEqual({ kind: 'install', packages: ['chromium-headless-shell'], asRoot: ['sudo', '-n'] });
  });

  it('gives the exact command to a user who is not root and has no passwordless sudo', () => {
    const plan = planInstall([REDIS_SERVER, CHROMIUM], { ...debianRoot, isRoot: false });
    expect(plan.kind).toBe('refuse');
    const message = plan.kind === 'refuse' ? plan.message : '';
    expect(message).toContain('redis-server and chromium-headless-shell are not installed (for the queue and for the browser tests).');
    expect(message).toContain('Run: sudo apt-get install -y redis-server chromium-headless-shell');
    expect(message).toContain('set CHROMIUM_PATH');
  });

  it('leaves the install to the person when AUTO_INSTALL_PACKAGES turns it off, and says so', () => {
    const plan = planInstall([REDIS_SERVER], { ...debianRoot, autoInstall: false });
    expect(plan).toEqual({ kind: 'refuse', message: expect.stringContaining('AUTO_INSTALL_PACKAGES leaves installing to you') });
    expect(plan.kind === 'refuse' && plan.message).toContain('Run: apt-get install -y redis-server');
  });

  it('gives the Homebrew command on macOS and never installs there', () => {
    const plan = planInstall([REDIS_SERVER, CHROMIUM], { ...debianRoot, platform: 'darwin', hasAptGet: false });
    expect(plan.kind === 'refuse' && plan.message).toContain('Run: brew install redis && brew install --cask chromium');
  });

  it('names the packages on a Linux without apt-get', () => {
    const plan = planInstall([REDIS_SERVER], { ...debianRoot, hasAptGet: false });
    expect(plan.kind === 'refuse' && plan.message).toContain("install redis-server with your system's package manager");
  });
});

describe('locateProgram and ensurePrograms', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'programs-'));
    await fs.writeFile(path.join(dir, 'chromium-browser'), '#!/bin/sh\n', { mode: 0o755 });
    await fs.writeFile(path.join(dir, 'redis-server'), 'not executable', { mode: 0o644 });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('finds any of the names on PATH, and only executable files', () => {
    expect(locateProgram(CHROMIUM, { PATH: dir })).toBe(path.join(dir, 'chromium-browser'));
    expect(locateProgram(REDIS_SERVER, { PATH: dir })).toBeUndefined();
  });

  it('prefers the path variable, and does not fall back to PATH when it names nothing runnable', () => {
    const named = path.join(dir, 'chromium-browser');
    expect(locateProgram(CHROMIUM, { PATH: '', CHROMIUM_PATH: named })).toBe(named);
    expect(locateProgram(CHROMIUM, { PATH: dir, CHROMIUM_PATH: path.join(dir, 'missing') })).toBeUndefined();
  });

  it('returns the executables when all are there, without a word', async () => {
    const lines: string[] = [];
    await expect(ensurePrograms([CHROMIUM], { env: { PATH: dir }, log: (line) => lines.push(line) })).resolves.toEqual([path.join(dir, 'chromium-browser')]);
    expect(lines).toEqual([]);
  });

  it('refuses with the command when a program is missing and installing is off', async () => {
    await expect(ensurePrograms([REDIS_SERVER], { env: { PATH: dir, AUTO_INSTALL_PACKAGES: 'no' } })).rejects.toThrow('redis-server is not installed');
  });
});
