import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { AppError, ErrorCode, errorsBody } from '../errors/error-codes';
import { requestLanguage, words } from '../i18n/words';
import type { Metrics } from './metrics';

/** Whether a request may read /metrics: `open`, `unauthorized` (401), or `off` (404: as if there were no /metrics). */
export type MetricsAccess = 'open' | 'unauthorized' | 'off';

/**
 * Who may read /metrics (the API's, and the worker's on METRICS_PORT):
 * - with METRICS_TOKEN set, whoever sends `Authorization: Bearer <METRICS_TOKEN>`
 *   (compared in constant time), in every environment;
 * - without it, nobody in production (404: metrics are off), and outside
 *   production only clients on this machine (a loopback address).
 */
export function metricsAccess(config: Pick<AppConfig, 'METRICS_TOKEN' | 'isProduction'>, authorization: string | undefined, remoteAddress: string | undefined): MetricsAccess {
  const token = config.METRICS_TOKEN;
  if (token) return authorization?.startsWith('Bearer ') && sameSecret(authorization.slice('Bearer '.length).trim(), token) ? 'open' : 'unauthorized';
  if (config.isProduction) return 'off';
  return isLoopback(remoteAddress) ? 'open' : 'off';
}

/** Equal strings, compared in time that does not depend on where they differ (or on the length of either: both are hashed first). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/** The JSON refusal of /metrics, as the other REST routes refuse: `{ errors: [{ message, extensions: { code } }] }`. */
export function metricsRefusal(access: Exclude<MetricsAccess, 'open'>, acceptLanguage: string | undefined): { status: number; headers: Record<string, string>; body: object } {
  const language = requestLanguage(acceptLanguage);
  if (access === 'unauthorized') {
    const error = new AppError(
      ErrorCode.UNAUTHENTICATED,
      words('Send the metrics token as a Bearer token to read the metrics.', '지표를 읽으려면 지표 토큰을 Bearer 토큰으로 보내 주세요.'),
    );
    return { status: 401, headers: { 'www-authenticate': 'Bearer' }, body: errorsBody(error, language) };
  }
  const error = new AppError(ErrorCode.NOT_FOUND, words('There is nothing at this address.', '이 주소에는 아무것도 없습니다.'));
  return { status: 404, headers: {}, body: errorsBody(error, language) };
}

/**
 * Answers a request for /metrics on a plain node:http response (the API's
 * controller and the worker's server both use it): the registry's text, or
 * the refusal. A scrape that fails (a collector threw) answers 500 in JSON.
 */
export async function answerMetrics(metrics: Metrics, config: AppConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const access = metricsAccess(config, req.headers.authorization, req.socket.remoteAddress);
  if (access !== 'open') {
    const refusal = metricsRefusal(access, req.headers['accept-language']);
    res.writeHead(refusal.status, { ...refusal.headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(refusal.body));
    return;
  }
  let text: string;
  try {
    text = await metrics.scrape();
  } catch (error) {
    const failure = new AppError(
      ErrorCode.INTERNAL_SERVER_ERROR,
      words(`The metrics could not be read: ${(error as Error).message}`, `지표를 읽지 못했습니다: ${(error as Error).message}`),
    );
    res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(errorsBody(failure)));
    return;
  }
  res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
  res.end(text);
}
