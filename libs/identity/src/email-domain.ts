/**
 * Whether an address is of an organisation's email domain: the domain itself
 * or one of its subdomains (x@staff.liverpool.gov.uk is of liverpool.gov.uk;
 * x@notliverpool.gov.uk is not). A hint for newcomers, not a proof.
 */
export function emailDomainMatches(email: string, domain: string | null | undefined): boolean {
  if (!domain) return false;
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const own = email.slice(at + 1).toLowerCase();
  const wanted = domain.toLowerCase();
  return own === wanted || own.endsWith(`.${wanted}`);
}
