/**
 * The onboarding aggregate, for putting a district on Jiefang (issue 8): the org units, staff
 * invitations, and the versions of the district configuration edited in the console.
 */
import type { OrgUnit } from '../../src/core/org'

/** A one-time invitation binding a WeChat identity to a staff record. Only the code's hash is kept. */
export interface Invitation {
  id: string
  /** SHA-256 (hex) of the code: a leaked table does not leak usable codes. */
  codeHash: string
  /** The staff record the invitation binds. */
  userId: string
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
  /** The platform identity that redeemed it: the OPENID, or `web:<CloudBase uid>`. */
  usedBy: string | null
  revokedAt: string | null
}

export interface ConfigChange {
  /** Dotted path into the configuration ("categories.3.slaHours"). */
  path: string
  before: unknown
  after: unknown
}

/** One saved district configuration; version 1 is the first edit over the file's configuration. */
export interface ConfigVersion {
  version: number
  config: Record<string, unknown>
  changes: ConfigChange[]
  authorId: string
  at: string
}

export interface RedeemRequest {
  invitationId: string
  /** Exactly one of `openid` (mini-program) and `webUid` (H5 desk sign-in) is set. */
  openid: string | null
  webUid?: string | null
  /** The resident record made for this OPENID on first sight: it gives the OPENID up. */
  releaseUserId: string | null
  at: string
}

/** What `Invitation.usedBy` records for a redemption: web uids are prefixed so they never read as an OPENID. */
export function redeemedBy(r: Pick<RedeemRequest, 'openid' | 'webUid'>): string {
  return r.webUid ? `web:${r.webUid}` : (r.openid ?? '')
}

export interface OnboardingRepo {
  listUnits(): Promise<OrgUnit[]>
  putUnits(units: readonly OrgUnit[]): Promise<void>
  putInvitation(inv: Invitation): Promise<void>
  getInvitationByHash(codeHash: string): Promise<Invitation | null>
  getInvitation(id: string): Promise<Invitation | null>
  /** Newest first, at most 500; all invitations when userId is left out. */
  listInvitations(userId?: string): Promise<Invitation[]>
  /**
   * In one transaction: marks the invitation used (only if still unused and not revoked),
   * clears the OPENID and grants of `releaseUserId`, and sets the OPENID on the invitation's
   * staff record. False when the invitation was used or revoked first.
   */
  redeemInvitation(r: RedeemRequest): Promise<boolean>
  /** Removes units (an org import that dropped them; the use case checks nothing refers to them). */
  deleteUnits(codes: readonly string[]): Promise<void>
  /** Stores the next version; false when that version number exists already (someone saved first). */
  addConfigVersion(v: ConfigVersion): Promise<boolean>
  latestConfigVersion(): Promise<ConfigVersion | null>
  /** Newest first, at most `limit` (default 50). */
  listConfigVersions(limit?: number): Promise<ConfigVersion[]>
}
