import { existsSync } from 'node:fs';

/** Debian's chromium (apt-get install chromium); CHROMIUM_PATH overrides. No browser is downloaded. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}
