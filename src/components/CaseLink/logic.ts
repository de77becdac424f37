import type { CaseLinkView } from '../../contracts/mediationIntake'

/** Who is looking: staff open the staff page of the linked case, people their own page of it. */
export type LinkAudience = 'staff' | 'person'

const PAGES: Record<string, Record<LinkAudience, string>> = {
  report: { staff: '/pages/report-staff/case/index', person: '/pages/report/detail/index' },
  mediation: { staff: '/pages/mediation-staff/case/index', person: '/pages/mediation/detail/index' },
  help: { staff: '/pages/help-staff/case/index', person: '/pages/help/status/index' },
}

/** The page that opens the linked case for this audience; null when there is none or the viewer may not read it. */
export function linkUrl(link: CaseLinkView, audience: LinkAudience): string | null {
  const page = Object.prototype.hasOwnProperty.call(PAGES, link.kind) ? PAGES[link.kind]![audience] : null
  return link.readable && page ? `${page}?id=${encodeURIComponent(link.caseId)}` : null
}
