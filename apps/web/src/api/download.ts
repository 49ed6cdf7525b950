import { sessionStore } from '../auth/session';

/**
 * Downloads a file the API serves only with the session's access token as a
 * Bearer header (a CSV export), saving it under `filename`. Throws when the
 * API refuses.
 */
export async function downloadWithSession(path: string, filename: string): Promise<void> {
  const token = await sessionStore.freshAccessToken();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(String(response.status));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
