import type { RequestContext } from '../auth/auth-user';
import { requestLoader } from './loaders';

const context = (): RequestContext => ({ requestId: 'r', ip: '127.0.0.1', user: null, language: 'en', loaders: new Map() });
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('requestLoader', () => {
  it('batches the keys asked in one tick, and caches them for the request', async () => {
    const ctx = context();
    const batches: string[][] = [];
    const loader = () => requestLoader<string, string>(ctx, 'upper', async (keys) => (batches.push([...keys]), keys.map((k) => k.toUpperCase())));
    expect(await Promise.all([loader().load('a'), loader().load('b'), loader().load('a')])).toEqual(['A', 'B', 'A']);
    expect(await loader().load('b')).toBe('B');
    expect(batches).toEqual([['a', 'b']]);
  });

  it('sends what is asked while batches run in one wave, once the last has answered, whatever order they answer in', async () => {
    for (const [fast, slow] of [[5, 30], [30, 5]]) {
      const ctx = context();
      const users: string[][] = [];
      const members = requestLoader<string, string>(ctx, 'members', (keys) => after(fast, keys.map((k) => `member of ${k}`)));
      const activity = requestLoader<string, string>(ctx, 'activity', (keys) => after(slow, keys.map((k) => `actor in ${k}`)));
      const user = () => requestLoader<string, string>(ctx, 'user', async (keys) => (users.push([...keys]), keys.map((k) => `user ${k}`)));
      // Two pages answering at different times, each asking for the users it shows as it arrives.
      const [a, b] = await Promise.all([members.load('w1').then((m) => user().load(m)), activity.load('w1').then((a) => user().load(a))]);
      expect([a, b]).toEqual(['user member of w1', 'user actor in w1']);
      expect(users.map((batch) => batch.sort())).toEqual([['actor in w1', 'member of w1']]);
    }
  });

  it('sends a batch asked when none runs at once (after the tick), and one that fails rejects its keys only', async () => {
    const ctx = context();
    const failing = requestLoader<string, string>(ctx, 'failing', async () => {
      throw new Error('no database');
    });
    const working = requestLoader<string, string>(ctx, 'working', async (keys) => [...keys]);
    await expect(failing.load('x')).rejects.toThrow('no database');
    expect(await working.load('y')).toBe('y');
  });
});
