import { api } from '../../../api'
import type { ApplyFiling } from '../../mediation/apply/useMediationApply'

/**
 * 代办申请调解: the person's own application form, sent by the agent as `mediation.proxyApply` with the
 * declaration. The server's field errors come back under `application.`; the form reads them as its own.
 */
export function proxyFiling(declared: () => boolean): ApplyFiling {
  return {
    own: false,
    check: () => (declared() ? null : '请确认当事人在场并同意代为申请'),
    async send(application) {
      const r = await api.call('mediation.proxyApply', { declaration: true, application })
      if (r.ok) return { ok: true, caseId: r.case.id }
      const details = r.details ? Object.fromEntries(Object.entries(r.details).map(([k, v]) => [k.replace(/^application\./, ''), v])) : undefined
      return { ...r, ...(details ? { details } : {}) }
    },
    // The agent follows the case on the parties' page, as a reader (no party's moves).
    opened: (id) => `/pages/mediation/detail/index?id=${encodeURIComponent(id)}`,
  }
}
