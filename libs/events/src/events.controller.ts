import { Body, Controller, Get, Headers, HttpException, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow, NotFoundError, ServerPage, SessionResolver } from '@app/core';
import { page, redirectToLinkPage } from '@app/identity';
import { CalendarRequest, CalendarService } from './calendar/calendar.service';
import { canManage } from './event-access';
import { EventsService } from './events.service';
import { FollowsService } from './follows.service';
import { RegistrationsService } from './registrations.service';

const ICS_HEADERS = (filename: string, cache: string) => ({
  'content-type': 'text/calendar; charset=utf-8',
  'content-disposition': `inline; filename="${filename}"`,
  'cache-control': cache,
  // Written in the language asked for: without `lang`, Accept-Language's.
  vary: 'Accept-Language',
});

/** The language a calendar is asked in: `?lang=en|ko`, and Accept-Language (calendarLanguage chooses). */
const calendarRequest = (req: Request): CalendarRequest => ({ lang: req.query.lang, acceptLanguage: req.headers['accept-language'] });

/**
 * What emails and calendar apps open without the API's sign-in:
 * - GET /events/{id}.ics: a published event, in the language of `?lang=en|ko`, else of Accept-Language;
 * - GET /events/{id}/registrations.csv with `Authorization: Bearer <access token>`:
 *   the registrations, for the event's organiser and admins (404 for anyone else, as for no event);
 * - GET /events/unsubscribe?token=…: the web app's page with one button (links of older emails); POST
 *   (a mail client's one-click List-Unsubscribe) stops the announcements that reached the person.
 */
@Controller('events')
@Allow('PUBLIC')
export class EventsController {
  constructor(
    private readonly sessions: SessionResolver,
    private readonly events: EventsService,
    private readonly registrations: RegistrationsService,
    private readonly follows: FollowsService,
    private readonly calendars: CalendarService,
  ) {}

  /** An announcement's unsubscribe link from before the web app had its page: the page, whose one button unsubscribes (link scanners unsubscribe nobody). */
  @Get('unsubscribe')
  unsubscribeForm(@Req() req: Request, @Res() res: Response): void {
    redirectToLinkPage(res, 'stopEventAnnouncements', req.originalUrl);
  }

  /** The button above, and mail clients' one-click unsubscribe (RFC 8058: POST with the token in the URL). */
  @Post('unsubscribe')
  @ServerPage()
  async unsubscribe(@Query('token') queryToken: string | undefined, @Body() body: Record<string, string> | undefined, @Res() res: Response): Promise<void> {
    const token = String(body?.token ?? queryToken ?? '');
    res.type('text/html; charset=utf-8');
    if (!(await this.follows.unsubscribe(token))) {
      res.status(400).send(page('Link not recognised · 알 수 없는 링크', [
        'This unsubscribe link is not valid. Open it from the announcement email, or change what you follow when signed in.',
        '유효하지 않은 링크입니다. 공지 메일의 링크를 사용하거나, 로그인해서 구독 설정을 바꾸세요.',
      ]));
      return;
    }
    res.status(200).send(page('Unsubscribed · 수신 거부됨', [
      'You will receive no more announcements like this one.',
      '이와 같은 행사 공지는 더 이상 발송되지 않습니다.',
    ]));
  }

  @Get(':id.ics')
  async ics(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const calendar = await this.calendars.event(id, calendarRequest(req));
    if (!calendar) throw new HttpException(`No event with id "${id}" was found.`, HttpStatus.NOT_FOUND);
    res.status(200).set(ICS_HEADERS(`event-${id}.ics`, 'public, max-age=300')).send(calendar);
  }

  @Get(':id/registrations.csv')
  async csv(@Param('id') id: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : null;
    const { user } = token ? await this.sessions.resolve(token) : { user: null };
    if (!user) throw new HttpException('Sign in (send your access token as a Bearer token) to export the registrations.', HttpStatus.UNAUTHORIZED);
    const event = await this.events.get(user, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!event || !canManage(user, event)) throw new HttpException(`No event with id "${id}" was found.`, HttpStatus.NOT_FOUND);
    res
      .status(200)
      .set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="event-${event.id}-registrations.csv"`, 'cache-control': 'no-store' })
      .send(await this.registrations.csv(event.id));
  }
}

/**
 * Subscribable calendar feeds (iCalendar), each entry linking back to its event:
 * the programme's published events, one workspace's, and one person's
 * registrations at their calendar address (createCalendarAddress). Each in
 * one language: `?lang=en|ko`, else (a personal feed) its owner's, else
 * Accept-Language's, else English.
 */
@Controller('calendars')
@Allow('PUBLIC')
export class CalendarsController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('programme.ics')
  async programme(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.status(200).set(ICS_HEADERS('programme.ics', 'public, max-age=300')).send(await this.calendars.programme(calendarRequest(req)));
  }

  @Get('workspaces/:id.ics')
  async workspace(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const calendar = await this.calendars.workspace(id, calendarRequest(req));
    if (!calendar) throw new HttpException(`No workspace with id "${id}" was found.`, HttpStatus.NOT_FOUND);
    res.status(200).set(ICS_HEADERS(`workspace-${id}.ics`, 'public, max-age=300')).send(calendar);
  }

  @Get('users/:token.ics')
  async user(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const calendar = await this.calendars.user(token, calendarRequest(req));
    if (!calendar) throw new HttpException('This calendar address is not valid: it may have been replaced by a newer one. Make a new one on your events page (My events → My calendar) and subscribe to that.', HttpStatus.NOT_FOUND);
    res.status(200).set(ICS_HEADERS('my-events.ics', 'private, no-cache')).send(calendar);
  }
}
