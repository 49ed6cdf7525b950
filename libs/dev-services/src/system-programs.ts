import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { errorMessage, type LogFn } from './types';

const execFileAsync = promisify(execFile);

/** A program from the operating system that the local services need, and the packages that provide it. */
export interface SystemProgram {
  /** Names to look for on PATH, the usual first. */
  commands: readonly string[];
  /** An environment variable naming the executable, which then wins over PATH. */
  pathVariable?: string;
  debianPackage: string;
  /** Homebrew's install arguments, for the message on macOS. */
  brew: string;
  /** What it is for, in a few words: "for the queue". */
  purpose: string;
  /** Other ways out, added to the message when it cannot be installed here. */
  alternatives?: readonly string[];
}

export const REDIS_SERVER: SystemProgram = {
  commands: ['redis-server'],
  debianPackage: 'redis-server',
  brew: 'redis',
  purpose: 'for the queue',
  alternatives: [
    'or run one in Docker: docker compose up redis, then set REDIS_URL=redis://localhost:6379',
    'or set REDIS_URL to an existing Redis server',
  ],
};

/**
 * The browser tests' Chromium: Debian's headless shell (the build Playwright
 * itself runs headless: no window toolkit, a smaller install, about a fifth
 * less CPU per journey than the whole browser), else a whole Chromium.
 */
export const CHROMIUM: SystemProgram = {
  commands: ['chromium-headless-shell', 'chromium', 'chromium-browser'],
  pathVariable: 'CHROMIUM_PATH',
  debianPackage: 'chromium-headless-shell',
  brew: '--cask chromium',
  purpose: 'for the browser tests',
  alternatives: ['or set CHROMIUM_PATH to a Chromium or Chrome executable'],
};

/** Set to false (or 0, no, off) to be told the command instead of having the packages installed. */
export const AUTO_INSTALL_VARIABLE = 'AUTO_INSTALL_PACKAGES';

/** What this machine allows: read once by `describeHost`, a plain value so the plan can be tested. */
export interface Host {
  platform: NodeJS.Platform;
  hasAptGet: boolean;
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo without a password. */
  passwordlessSudo: boolean;
  autoInstall: boolean;
}

export type InstallPlan =
  | { kind: 'nothing' }
  /** argv prefix: [] as root, ['sudo', '-n'] through sudo. */
  | { kind: 'install'; packages: string[]; asRoot: string[] }
  | { kind: 'refuse'; message: string };

/** The executable for `program`: its path variable when set, else the first of its commands on PATH. */
export function locateProgram(program: SystemProgram, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = program.pathVariable === undefined ? undefined : env[program.pathVariable];
  if (named) return isExecutableFile(named) ? named : undefined;
  for (const command of program.commands) {
    const found = findOnPath(command, env.PATH);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first executable file named `command` in a PATH-style list of folders. */
export function findOnPath(command: string, pathList: string = process.env.PATH ?? ''): string | undefined {
  return pathList
    .split(path.delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => path.join(dir, command))
    .find(isExecutableFile);
}

export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * What to do about the programs that are missing: install their Debian
 * packages with apt-get when this machine has it and we are root (or sudo
 * needs no password), unless the person said not to; otherwise refuse with
 * the exact command to run.
 */
export function planInstall(missing: readonly SystemProgram[], host: Host): InstallPlan {
  if (missing.length === 0) return { kind: 'nothing' };
  const packages = missing.map((program) => program.debianPackage);
  const names = listed(missing.map((program) => program.commands[0]!));
  const canInstall = host.platform === 'linux' && host.hasAptGet && (host.isRoot || host.passwordlessSudo);
  if (canInstall && host.autoInstall) return { kind: 'install', packages, asRoot: host.isRoot ? [] : ['sudo', '-n'] };

  const command =
    host.platform === 'darwin'
      ? missing.map((program) => `brew install ${program.brew}`).join(' && ')
      : host.hasAptGet
        ? `${host.isRoot ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`
        : `install ${listed(packages)} with your system's package manager`;
  const reason =
    canInstall && !host.autoInstall
      ? `${names} ${missing.length === 1 ? 'is' : 'are'} not installed, and ${AUTO_INSTALL_VARIABLE} leaves installing to you.`
      : `${names} ${missing.length === 1 ? 'is' : 'are'} not installed (${listed(missing.map((program) => program.purpose))}).`;
  const alternatives = missing.flatMap((program) => program.alternatives ?? []);
  return { kind: 'refuse', message: [reason, `Run: ${command}`, ...alternatives.map((line) => `  ${line}`)].join('\n') };
}

/** Reads what `planInstall` needs from this machine and its environment. */
export function describeHost(env: NodeJS.ProcessEnv = process.env): Host {
  const isRoot = process.getuid?.() === 0;
  const hasAptGet = findOnPath('apt-get', env.PATH) !== undefined;
  return {
    platform: process.platform,
    hasAptGet,
    isRoot,
    // Asked only where it could matter: sudo may print a lecture or log the attempt.
    passwordlessSudo: !isRoot && hasAptGet && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0,
    autoInstall: !/^(false|0|no|off)$/i.test(env[AUTO_INSTALL_VARIABLE]?.trim() ?? ''),
  };
}

export interface EnsureOptions {
  /** PATH, the program's path variable and AUTO_INSTALL_PACKAGES; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where the one line before an install goes; default the console. */
  log?: LogFn;
}

/**
 * Makes sure every program is there, installing the missing ones' packages
 * in one apt-get call (saying so in one line first) where the machine allows
 * it; throws with the command to run where it does not. Returns each
 * program's executable, in order.
 */
export async function ensurePrograms(programs: readonly SystemProgram[], opts: EnsureOptions = {}): Promise<string[]> {
  const { env = process.env, log = (line: string) => console.log(line) } = opts;
  const missing = programs.filter((program) => locateProgram(program, env) === undefined);
  if (missing.length > 0) {
    const plan = planInstall(missing, describeHost(env));
    if (plan.kind === 'refuse') throw new Error(plan.message);
    if (plan.kind === 'install') log(
      `Installing ${listed(plan.packages)} (Debian ${plan.packages.length === 1 ? 'package' : 'packages'}) with apt-get, ` +
        `${listed(missing.map((program) => program.purpose))}; ${AUTO_INSTALL_VARIABLE}=false turns this off.`,
    );
    if (plan.kind === 'install') await aptGetInstall(plan.packages, plan.asRoot);
  }
  return programs.map((program) => {
    const found = locateProgram(program, env);
    if (found === undefined) throw new Error(`${program.debianPackage} was installed, but ${program.commands.join(' or ')} is still not on PATH.`);
    return found;
  });
}

/** apt-get install; when the package lists are missing or stale (a fresh image has none), updates them and tries again. */
async function aptGetInstall(packages: string[], asRoot: string[]): Promise<void> {
  const apt = async (...args: string[]): Promise<void> => {
    // Through env(1): sudo would drop DEBIAN_FRONTEND from our environment. Waits for another apt's lock.
    const [command, ...rest] = [...asRoot, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', '-q', '-o', 'DPkg::Lock::Timeout=300', ...args];
    await execFileAsync(command!, rest, { maxBuffer: 64 * 1024 * 1024 });
  };
  try {
    await apt('install', '-y', ...packages);
  } catch {
    try {
      await apt('update');
      await apt('install', '-y', ...packages);
    } catch (error) {
      const output = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-10).join('\n');
      throw new Error(`apt-get could not install ${listed(packages)}: ${output || errorMessage(error)}`);
    }
  }
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
