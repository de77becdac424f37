/** CloudBase side of the 一键求助 duty rosters: one document per community (_id = 社区编码). */
import type { DutyRosterRepo } from '../../ports'
import { DUTY_ROSTER_FIELDS } from '../tables'
import { guard } from './cloudbaseErrors'
import { byId, checked, type CloudbaseAccess } from './db'
import { docMapper, withoutId } from './docs'

const rosterDocs = docMapper('jf_duty_rosters', DUTY_ROSTER_FIELDS, 'communityCode')

export function cloudbaseDutyRosters(c: CloudbaseAccess): DutyRosterRepo {
  return {
    async getDutyRoster(communityCode) {
      const d = await byId(c.coll, 'duty_rosters', communityCode)
      return d ? rosterDocs.fromDoc(d) : null
    },
    async putDutyRoster(r) {
      const doc = rosterDocs.toDoc(r)
      checked(await guard(() => c.coll('duty_rosters').doc(r.communityCode).set(withoutId(doc))))
    },
  }
}
