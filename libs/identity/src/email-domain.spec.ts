import { emailDomainMatches } from './email-domain';

describe('emailDomainMatches', () => {
  it('matches the domain and its subdomains, in any case', () => {
    expect(emailDomainMatches('ann@liverpool.gov.uk', 'liverpool.gov.uk')).toBe(true);
    expect(emailDomainMatches('Ann@Staff.Liverpool.GOV.uk', 'liverpool.gov.uk')).toBe(true);
  });

  it('does not match a domain that merely ends alike, another domain, or none', () => {
    expect(emailDomainMatches('ann@notliverpool.gov.uk', 'liverpool.gov.uk')).toBe(false);
    expect(emailDomainMatches('ann@gmail.com', 'liverpool.gov.uk')).toBe(false);
    expect(emailDomainMatches('ann@liverpool.gov.uk', null)).toBe(false);
  });
});
