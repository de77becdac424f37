/** CloudBase side of the onboarding aggregate: org units, staff invitations and configuration versions. */
import { redeemedBy, type OnboardingRepo } from '../../ports'
import { CONFIG_VERSION_FIELDS, INVITATION_FIELDS, UNIT_FIELDS } from '../tables'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { all, byId, checked, docsOf, type CloudbaseAccess } from './db'
import { docMapper, withoutId } from './docs'
import { docToUser, userToDoc } from './users'

const unitDocs = docMapper('jf_units', UNIT_FIELDS, 'code')
const invitationDocs = docMapper('jf_invitations', INVITATION_FIELDS, 'id')
/** Version numbers as fixed-width ids, so `_id` order is version order. */
const versionDocs = docMapper('jf_config_versions', CONFIG_VERSION_FIELDS, (v) => String(v.version).padStart(10, '0'))

export function cloudbaseOnboarding(c: CloudbaseAccess): OnboardingRepo {
  const listConfigVersions = async (limit = 50) => {
    const n = Math.min(500, Math.max(1, Math.floor(limit)))
    return docsOf(await guard(() => c.coll('config_versions').orderBy('_id', 'desc').limit(n).get())).map(versionDocs.fromDoc)
  }
  return {
    async listUnits() {
      return (await all(c.coll('units').orderBy('_id', 'asc'))).map(unitDocs.fromDoc)
    },
    /** Upserts each unit; a few at a time, as CloudBase has no bulk upsert. */
    async putUnits(units) {
      const docs = units.map((u) => unitDocs.toDoc(u))
      for (let i = 0; i < docs.length; i += 8) {
        await Promise.all(docs.slice(i, i + 8).map(async (d) => checked(await guard(() => c.coll('units').doc(d._id as string).set(withoutId(d))))))
      }
    },
    async deleteUnits(codes) {
      for (const code of codes) checked(await guard(() => c.coll('units').doc(code).remove()))
    },

    async putInvitation(i) {
      const doc = invitationDocs.toDoc(i)
      checked(await guard(() => c.coll('invitations').doc(i.id).set(withoutId(doc))))
    },
    async getInvitationByHash(codeHash) {
      const docs = docsOf(await guard(() => c.coll('invitations').where({ codeHash }).limit(1).get()))
      return docs.length === 0 ? null : invitationDocs.fromDoc(docs[0])
    },
    async getInvitation(id) {
      const d = await byId(c.coll, 'invitations', id)
      return d ? invitationDocs.fromDoc(d) : null
    },
    async listInvitations(userId) {
      const q = userId === undefined ? c.coll('invitations') : c.coll('invitations').where({ userId })
      return docsOf(await guard(() => q.orderBy('_id', 'desc').limit(500).get())).map(invitationDocs.fromDoc)
    },
    /** Doc-by-id reads and writes only, as CloudBase transactions allow; a conflict reruns it. */
    redeemInvitation: (r) =>
      c.inTransaction(async (coll) => {
        const found = await byId(coll, 'invitations', r.invitationId)
        if (!found) return false
        const inv = invitationDocs.fromDoc(found)
        if (inv.usedAt !== null || inv.revokedAt !== null) return false
        // Every read before the first write: returning false must leave nothing written.
        const staff = await byId(coll, 'users', inv.userId)
        if (!staff) return false
        const release = r.releaseUserId !== null && r.releaseUserId !== inv.userId ? await byId(coll, 'users', r.releaseUserId) : null
        checked(await guard(() => coll('invitations').doc(inv.id).set(withoutId(invitationDocs.toDoc({ ...inv, usedAt: r.at, usedBy: redeemedBy(r) })))))
        if (release) {
          const placeholder = docToUser(release)
          checked(await guard(() => coll('users').doc(placeholder.id).set(withoutId(userToDoc({ ...placeholder, openid: null, grants: [] })))))
        }
        const u = docToUser(staff)
        const bound = r.webUid ? { ...u, webUid: r.webUid } : { ...u, openid: r.openid }
        checked(await guard(() => coll('users').doc(u.id).set(withoutId(userToDoc(bound)))))
        return true
      }),

    async addConfigVersion(v) {
      try {
        checked(await c.coll('config_versions').add(versionDocs.toDoc(v)))
        return true
      } catch (e) {
        if (isDuplicateWrite(e)) return false
        throw mapCloudbaseError(e)
      }
    },
    latestConfigVersion: async () => (await listConfigVersions(1))[0] ?? null,
    listConfigVersions,
  }
}
