import { expect, test } from '@playwright/test';
import { emailOffences, languageProblems, languageRules, watchLanguage, flushLanguageCheck, type Offence } from './support/language-check';

/** The language check itself (support/language-check.ts), on texts and on a page of its own: no platform needed. */
test.describe('the language check', () => {
  const rules = languageRules();

  test('flags English in Korean and particles written both ways, and passes names, codes and amounts', () => {
    expect(languageProblems('Submitted.', 'ko', rules.names)).toEqual(['Submitted']);
    expect(languageProblems('부산와(과) 협력', 'ko', rules.names)).toEqual(['와(과)']);
    expect(languageProblems('실증(으)로 전환', 'ko', rules.names)).toEqual(['(으)로']);
    expect(languageProblems('리버풀과 부산', 'ko', rules.names)).toEqual([]);
    expect(languageProblems('Liverpool', 'ko', rules.names)).toEqual([]);
    expect(languageProblems('£20,000', 'ko', rules.names)).toEqual([]);
    expect(languageProblems('Sam Taylor 님이 보냈습니다 · sam@example.test · https://example.test/me', 'ko', rules.names)).toEqual([]);
    expect(languageProblems('오후 11:00 KST (GMT 오후 2:00)', 'ko', rules.names)).toEqual([]);
    // The English mirror: no Korean but names, no plural written both ways.
    expect(languageProblems('Invited by 박서준', 'en', rules.names)).toEqual([]);
    expect(languageProblems('Busan 부산', 'en', rules.names)).toEqual(['부산']);
    expect(languageProblems('2 reviewer(s) assigned.', 'en', rules.names)).toEqual(['reviewer(s)']);
    expect(languageProblems('부산와(과)', 'en', rules.names)).toEqual(['와(과)', '부산']);
  });

  test('checks a Korean email, subject and body, and leaves an English one to the English rules', () => {
    const to = [{ address: 'officer@example.test' }];
    const korean = { to, subject: '리버풀이(가) 제안했습니다', text: '안녕하세요.\n\nApplication started.\n\n확인: https://example.test/x', html: '<html lang="ko"><body></body></html>' };
    expect(emailOffences(korean, rules).map((o) => o.problems)).toEqual([['이(가)'], ['Application', 'started']]);
    expect(emailOffences({ ...korean, html: '<html lang="en"></html>' }, rules)).toEqual([]);
  });

  test('watches what a page shows and says as it changes, by each text’s language', async ({ page }) => {
    const offences: Offence[] = [];
    await watchLanguage(page.context(), rules, (o) => offences.push(o));
    await page.route('http://check.test/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="ko"><head><title>신청서</title></head><body>
          <p>리버풀과 부산</p>
          <p lang="en">A case study written in English only.</p>
          <p hidden>Not shown</p>
          <button aria-label="Complete milestone">✓</button>
          <select><option>Draft</option></select>
          <span style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden">Heard only</span>
        </body></html>`,
      }),
    );
    await page.goto('http://check.test/');
    await page.evaluate(() => {
      const added = document.createElement('p');
      added.textContent = 'Submitted.';
      document.body.append(added);
    });
    await flushLanguageCheck(page.context());
    expect(offences.map((o) => o.text).sort()).toEqual(['Complete milestone', 'Draft', 'Heard only', 'Submitted.']);
    expect(offences.every((o) => o.where === 'http://check.test/' && o.lang === 'ko')).toBe(true);
  });
});
