import type { CollectionReference, Db } from '@cloudbase/database'
import { redeemedBy, type ConfigVersion, type Invitation, type OnboardingStore, type RedeemRequest } from '../../onboardingPorts'
import { guard, isDuplicateWrite, mapCloudbaseError } from './cloudbaseErrors'
import { docToUser, instant, userToDoc, withoutId, type Doc } from './mappers'
import { checked, docsOf } from './documents'

interface SdkTransaction {
  collection(name: string): CollectionReference
}

type Names = Record<'invitations' | 'config_versions' | 'users' | 'units', string>

const isoOrNull = (s: string | null) => (s === null ? null : instant(s))

function invitationToDoc(i: Invitation): Doc {
  return { _id: i.id, codeHash: i.codeHash, userId: i.userId, createdBy: i.createdBy, createdAt: instant(i.createdAt), expiresAt: instant(i.expiresAt), usedAt: isoOrNull(i.usedAt), usedBy: i.usedBy, revokedAt: isoOrNull(i.revokedAt) }
}

function docToInvitation(d: Doc): Invitation {
  const s = (k: string) => String(d[k])
  const n = (k: string) => (d[k] === null || d[k] === undefined ? null : String(d[k]))
  return { id: s('_id'), codeHash: s('codeHash'), userId: s('userId'), createdBy: s('createdBy'), createdAt: s('createdAt'), expiresAt: s('expiresAt'), usedAt: n('usedAt'), usedBy: n('usedBy'), revokedAt: n('revokedAt') }
}

/** Version numbers as fixed-width ids, so `_id` order is version order. */
const versionId = (v: number) => String(v).padStart(10, '0')

function docToVersion(d: Doc): ConfigVersion {
  return { version: Number(d.version), config: JSON.parse(String(d.config)), changes: JSON.parse(String(d.changes)), authorId: String(d.authorId), at: String(d.at) }
}

/** The onboarding part of the CloudBase store (CloudbaseStore delegates to it). */
export class CloudbaseOnboarding implements OnboardingStore {
  constructor(
    private readonly db: Db,
    private readonly names: Names,
    private readonly inTransaction: <T>(work: (t: SdkTransaction) => Promise<T>) => Promise<T>,
  ) {}

  private coll(key: keyof Names): CollectionReference {
    return this.db.collection(this.names[key])
  }

  async putInvitation(i: Invitation): Promise<void> {
    const doc = invitationToDoc(i)
    checked(await guard(() => this.coll('invitations').doc(i.id).set(withoutId(doc))))
  }

  async getInvitationByHash(codeHash: string): Promise<Invitation | null> {
    const docs = docsOf(await guard(() => this.coll('invitations').where({ codeHash }).limit(1).get()))
    return docs.length === 0 ? null : docToInvitation(docs[0]!)
  }

  async getInvitation(id: string): Promise<Invitation | null> {
    const docs = docsOf(await guard(() => this.coll('invitations').doc(id).get()))
    return docs.length === 0 ? null : docToInvitation(docs[0]!)
  }

  async listInvitations(userId?: string): Promise<Invitation[]> {
    const q = userId === undefined ? this.coll('invitations') : this.coll('invitations').where({ userId })
    return docsOf(await guard(() => q.orderBy('_id', 'desc').limit(500).get())).map(docToInvitation)
  }

  /** Doc-by-id reads and writes only, as CloudBase transactions allow; a conflict reruns it. */
  async redeemInvitation(r: RedeemRequest): Promise<boolean> {
    return this.inTransaction(async (t) => {
      const coll = (key: keyof Names) => t.collection(this.names[key])
      const docs = docsOf(await guard(() => coll('invitations').doc(r.invitationId).get()))
      if (docs.length === 0) return false
      const inv = docToInvitation(docs[0]!)
      if (inv.usedAt !== null || inv.revokedAt !== null) return false
      // Every read before the first write: returning false must leave nothing written.
      const staff = docsOf(await guard(() => coll('users').doc(inv.userId).get()))
      if (staff.length === 0) return false
      const release = r.releaseUserId !== null && r.releaseUserId !== inv.userId ? docsOf(await guard(() => coll('users').doc(r.releaseUserId!).get())) : []
      checked(await guard(() => coll('invitations').doc(inv.id).set(withoutId(invitationToDoc({ ...inv, usedAt: r.at, usedBy: redeemedBy(r) })))))
      if (release.length > 0) {
        const placeholder = docToUser(release[0]!)
        checked(await guard(() => coll('users').doc(placeholder.id).set(withoutId(userToDoc({ ...placeholder, openid: null, grants: [] })))))
      }
      const u = docToUser(staff[0]!)
      const bound = r.webUid ? { ...u, webUid: r.webUid } : { ...u, openid: r.openid }
      checked(await guard(() => coll('users').doc(u.id).set(withoutId(userToDoc(bound)))))
      return true
    })
  }

  async deleteUnits(codes: readonly string[]): Promise<void> {
    for (const code of codes) checked(await guard(() => this.coll('units').doc(code).remove()))
  }

  async addConfigVersion(v: ConfigVersion): Promise<boolean> {
    try {
      checked(await this.coll('config_versions').add({ _id: versionId(v.version), version: v.version, config: JSON.stringify(v.config), changes: JSON.stringify(v.changes), authorId: v.authorId, at: instant(v.at) }))
      return true
    } catch (e) {
      if (isDuplicateWrite(e)) return false
      throw mapCloudbaseError(e)
    }
  }

  async latestConfigVersion(): Promise<ConfigVersion | null> {
    return (await this.listConfigVersions(1))[0] ?? null
  }

  async listConfigVersions(limit = 50): Promise<ConfigVersion[]> {
    const n = Math.min(500, Math.max(1, Math.floor(limit)))
    return docsOf(await guard(() => this.coll('config_versions').orderBy('_id', 'desc').limit(n).get())).map(docToVersion)
  }
}
