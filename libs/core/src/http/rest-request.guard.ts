import type { Language } from '../auth/roles';
import { requestLanguage } from '../i18n/words';
import { CanActivate, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { errorsBody, FieldProblem, waitInKorean } from '../errors/error-codes';
import { RestRefusal, type PageRequest } from '../errors/rest-refusal';
import { RATE_LIMIT_REASONS, rateLimitedRefusal, unsafeInputRefusal } from '../graphql/refusals';
import { RateDecision, RequestRateLimiter } from '../graphql/request-rate-limiter';
import { fieldName, MAX_PROBLEMS, stringsIn, unsafeStringKind, unsafeStringProblem } from '../graphql/string-guard';

/**
 * What a request to a REST route costs against its client's budget (the same
 * unit as GraphQL's query cost, cost.ts): a write of a row or two and a page,
 * about a millisecond. Routes that hash a password declare more with
 * @RequestCost(PASSWORD_HASH_COST).
 */
export const REST_REQUEST_COST = 100;

/** The longest e-mail address a form may send (64 characters, @, 255). */
export const REST_EMAIL_MAX = 320;

/**
 * The longest any other text of a form or query string may be: tokens, names
 * and passwords are all far shorter, and each route's own validation says
 * more precisely what it takes.
 */
export const REST_TEXT_MAX = 1000;

const REQUEST_COST = 'restRequestCost';
const SERVER_PAGE = 'restServerPage';

/** What one request to this route (or every route of this controller) costs, when it does more than REST_REQUEST_COST. */
export const RequestCost = (cost: number) => SetMetadata(REQUEST_COST, cost);

/** This route (or controller) answers with an HTML page: its refusals are pages too. Others refuse in JSON. */
export const ServerPage = () => SetMetadata(SERVER_PAGE, true);

/** Writes a bilingual page: a title and paragraphs, escaped. */
export type PageRenderer = (title: string, paragraphs: string[]) => string;

/** Methods that change nothing, which the request limit does not count. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The fields of the server pages, as a sentence names them in English and in Korean. */
const LABELS: Record<string, [string, string]> = {
  email: ['Email', '이메일'],
  displayName: ['Your name', '이름'],
  password: ['The password', '비밀번호'],
  newPassword: ['The new password', '새 비밀번호'],
  token: ['The link', '링크'],
  preferredLanguage: ['The language', '언어'],
};

interface TextProblem extends FieldProblem {
  /** The same, as a sentence of the page in English and in Korean. */
  en: string;
  ko: string;
}

/**
 * The HTTP routes outside GraphQL (the pages emailed links open, /auth/*,
 * unsubscribe links, calendars, open data) get what /graphql has:
 * - every request that may change something (POST) counts against its
 *   client's request limit and cost budget, the same sliding window as
 *   /graphql's in Redis (RequestRateLimiter), keyed by the client's address
 *   as anonymous GraphQL requests are: REST_REQUEST_COST, or what the route
 *   declares with @RequestCost (password hashing). Over it: 429 with
 *   Retry-After;
 * - every string of the body (a form or JSON) and of the query string is
 *   refused with 400, the field named, when it holds a NUL character or half
 *   a surrogate pair (PostgreSQL refuses the one, the other turns into U+FFFD),
 *   or is longer than REST_EMAIL_MAX (`email`) or REST_TEXT_MAX.
 * Refusals are answered in the route's own form: an HTML page for routes
 * marked @ServerPage, else `{ errors: [{ message, extensions: { code } }] }`
 * as GraphQL answers. Registered for every route in apps/api's create-api.ts;
 * GraphQL requests pass untouched (they have their own checks).
 */
export class RestRequestGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RequestRateLimiter,
    private readonly renderPage: PageRenderer,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const asPage = this.reflector.getAllAndOverride<boolean | undefined>(SERVER_PAGE, targets) ?? false;
    if (asPage) (req as Request & PageRequest).refusalPage = this.renderPage;
    if (!SAFE_METHODS.has(req.method)) {
      const client = RequestRateLimiter.clientKey(null, req.ip ?? req.socket.remoteAddress);
      const cost = this.reflector.getAllAndOverride<number | undefined>(REQUEST_COST, targets) ?? REST_REQUEST_COST;
      let decision: RateDecision = await this.limiter.admitRequest(client);
      if (decision.allowed) decision = await this.limiter.chargeCost(client, cost);
      if (!decision.allowed) throw this.tooMany(decision, asPage, requestLanguage(req.headers['accept-language']));
    }
    const problems = restTextProblems(req.query, req.body);
    if (problems.length) throw this.badInput(problems, asPage, requestLanguage(req.headers['accept-language']));
    return true;
  }

  /** The refusal /graphql gives (rateLimitedRefusal), as a page or as JSON. */
  private tooMany(decision: RateDecision, asPage: boolean, language: Language): RestRefusal {
    const what = decision.limit ?? 'requests';
    const error = rateLimitedRefusal(decision.retryAfterSeconds, what);
    const headers = { 'Retry-After': String(error.retryAfterSeconds) };
    if (asPage) {
      const ko = `${RATE_LIMIT_REASONS[what].ko}. ${waitInKorean(error.retryAfterSeconds)} 후에 다시 시도하세요.`;
      const html = this.renderPage('Too many requests · 요청이 너무 많습니다', [error.message, ko]);
      return new RestRefusal(429, 'text/html; charset=utf-8', html, headers);
    }
    return new RestRefusal(429, 'application/json', errorsBody(error, language), headers);
  }

  /** The refusal /graphql gives (unsafeInputRefusal), as a page or as JSON. */
  private badInput(problems: TextProblem[], asPage: boolean, language: Language): RestRefusal {
    if (asPage) {
      const html = this.renderPage('Please correct the form · 입력 내용을 고쳐 주세요', problems.flatMap((p) => [p.en, p.ko]));
      return new RestRefusal(400, 'text/html; charset=utf-8', html);
    }
    const fields = problems.map(({ field, message }) => ({ field, message }));
    return new RestRefusal(400, 'application/json', errorsBody(unsafeInputRefusal(fields), language));
  }
}

/**
 * The strings of query strings, forms and JSON bodies that may not be taken,
 * each named (as input errors name fields) with what is wrong, in both languages.
 */
export function restTextProblems(...sources: unknown[]): TextProblem[] {
  const problems: TextProblem[] = [];
  const seen = new Set<string>();
  for (const found of sources.flatMap((source) => [...stringsIn(source)])) {
    if (problems.length >= MAX_PROBLEMS) break;
    const text = found.text;
    // Most strings are fine whatever their field: only a suspect one pays for its path (as long as its depth).
    if (!unsafeStringKind(text) && text.length <= Math.min(REST_EMAIL_MAX, REST_TEXT_MAX)) continue;
    const path = found.path;
    const field = fieldName(path);
    if (seen.has(field)) continue;
    const last = String([...path].reverse().find((p) => typeof p === 'string') ?? field);
    const [labelEn, labelKo] = LABELS[last] ?? [`The field “${field}”`, `‘${field}’ 항목`];
    const max = last === 'email' ? REST_EMAIL_MAX : REST_TEXT_MAX;
    const kind = unsafeStringKind(text);
    let problem: Omit<TextProblem, 'field'> | null = null;
    if (kind) {
      const message = unsafeStringProblem(text)!.en;
      const ko =
        kind === 'nul'
          ? `${labelKo}에는 NUL 문자(U+0000)를 쓸 수 없습니다. 지우고 다시 시도하세요.`
          : `${labelKo}에 깨진 글자(UTF-16 서로게이트 쌍의 한쪽)가 들어 있습니다. 다시 입력하거나 붙여 넣으세요.`;
      problem = { message: { en: message, ko }, en: `${labelEn} ${message}`, ko };
    } else if (text.length > max) {
      const message = `must be at most ${max} characters long.`;
      const ko = `${labelKo}에는 최대 ${max}자까지 쓸 수 있습니다.`;
      problem = { message: { en: message, ko }, en: `${labelEn} ${message}`, ko };
    }
    if (problem) {
      seen.add(field);
      problems.push({ field, ...problem });
    }
  }
  return problems;
}
