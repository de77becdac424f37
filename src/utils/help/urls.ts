/** Where the 一键求助 pages live, for links between the person's, the helpers' and the desk pages. */
export const HELP_RAISE_URL = '/pages/help/raise/index'
export const HELP_STATUS_URL = '/pages/help/status/index'
export const HELP_QUEUE_URL = '/pages/help-staff/queue/index'
export const HELP_CASE_URL = '/pages/help-staff/case/index'

/** The person's status page; `sent` right after raising, so it says the request went out. */
export const statusUrl = (id: string, sent = false) => `${HELP_STATUS_URL}?id=${encodeURIComponent(id)}${sent ? '&sent=1' : ''}`

/** A helper's page of one request; `from=help` when opened from the street's live desk. */
export const staffCaseUrl = (id: string, from?: 'help') => `${HELP_CASE_URL}?id=${encodeURIComponent(id)}${from ? `&from=${from}` : ''}`

/** Where a linked case opens, for the person (their own pages) or staff. */
export function linkUrl(link: { kind: string; caseId: string }, staff: boolean): string {
  const id = encodeURIComponent(link.caseId)
  if (link.kind === 'mediation') return staff ? `/pages/mediation-staff/case/index?id=${id}` : `/pages/mediation/detail/index?id=${id}`
  if (link.kind === 'report') return staff ? `/pages/report-staff/case/index?id=${id}` : `/pages/report/detail/index?id=${id}`
  return staff ? staffCaseUrl(link.caseId) : statusUrl(link.caseId)
}
