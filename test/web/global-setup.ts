import { join } from 'node:path';
import { startWebStack } from '../../scripts/web-stack';

/** One platform for the whole browser run; the tests read its addresses from the environment. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startWebStack(join(__dirname, '..', '..'));
  process.env.WEB_BASE_URL = stack.url;
  process.env.WEB_INBOX_URL = stack.inboxUrl;
  process.env.WEB_DEMO_PASSWORD = stack.demoPassword;
  return () => stack.stop();
}
