/** The grid aggregate: public boards, memberships, announcements and their read receipts. */

/** A grid's public board (网格信息公示牌) and its WeChat group settings. */
export interface GridBoard {
  gridCode: string
  scope: string
  households: number
  team: Array<{ role: string; name: string; phone: string | null }>
  services: string[]
  officeHours: string
  joinPolicy: 'open' | 'approval'
  /** The group QR image; WeChat makes it expire 7 days after it was generated. */
  qr: { fileId: string; uploadedAt: string; expiresAt: string } | null
  updatedAt: string
}

export interface Membership {
  gridCode: string
  userId: string
  status: 'requested' | 'joined' | 'refused' | 'left'
  building: string | null
  requestedAt: string
  decidedAt: string | null
  decidedBy: string | null
}

/** One announcement, stored once whatever its reach; reads are marks per member. */
export interface Announcement {
  id: string
  authorId: string
  idempotencyKey: string
  type: 'notice' | 'activity' | 'reminder' | 'emergency'
  title: string
  body: string
  gridCodes: string[]
  scopeLabel: string
  publishedAt: string
}

/**
 * An announcement as a list shows it: without its target grids, which a street-wide one lists
 * ~150 of (2.7 KB a row) and no feed or board reads; getAnnouncement has them.
 */
export type AnnouncementHead = Omit<Announcement, 'gridCodes'>

export interface GridRepo {
  getBoard(gridCode: string): Promise<GridBoard | null>
  putBoard(b: GridBoard): Promise<void>

  getMembership(gridCode: string, userId: string): Promise<Membership | null>
  putMembership(m: Membership): Promise<void>
  /** A grid's memberships in one status, oldest request first, at most `limit` (default 500). */
  listMemberships(gridCode: string, status: Membership['status'], limit?: number): Promise<Membership[]>
  /** Memberships in `status` summed over the grids (the roster size of an announcement). */
  countMemberships(gridCodes: readonly string[], status: Membership['status']): Promise<number>
  membershipsOf(userId: string): Promise<Membership[]>

  /** Inserts; a second announcement with the same (authorId, idempotencyKey) returns the first. */
  addAnnouncement(a: Announcement): Promise<Announcement>
  getAnnouncement(id: string): Promise<Announcement | null>
  /** Announcements reaching any of the grids, newest first, without their grids; `before` is an id. */
  listAnnouncements(gridCodes: readonly string[], opts: { before?: string; limit?: number; type?: Announcement['type'] }): Promise<AnnouncementHead[]>
  listAnnouncementsBy(authorId: string, opts: { before?: string; limit?: number }): Promise<Announcement[]>
  /** Keeps the first read time. */
  markAnnouncementRead(announcementId: string, userId: string, at: string): Promise<void>
  /** Which of these announcements the user has read. */
  readAnnouncements(userId: string, ids: readonly string[]): Promise<string[]>
  announcementReads(announcementId: string): Promise<Array<{ userId: string; readAt: string }>>

  /*
   * Read receipts at a street's scale (50,000 members): counts from index ranges, and the people
   * a page at a time, so no answer reads the whole roster. Read marks exist only for members
   * (grid.markRead checks), and a membership row is never deleted (leaving sets 'left'), so a
   * reader who is no longer joined still has a non-joined row in one of the grids.
   */
  /**
   * Members who read it: read marks of the announcement by people joined in one of its grids
   * (a person in two of them counts once), and of them those who read at or before `by`.
   */
  countAnnouncementReads(a: ReceiptScope, by: string): Promise<{ read: number; readBy: number }>
  /**
   * Joined memberships of the grids whose member has not read it, by grid code, request time
   * and user id, after `after` (the last one of the previous page), at most `limit`.
   */
  unreadMembers(a: ReceiptScope, opts: { after?: MembershipKey; limit: number }): Promise<Membership[]>
  /** First reads by people joined in one of the grids, oldest first (user id breaking ties), at most `limit`. */
  announcementReaders(a: ReceiptScope, opts: { limit: number }): Promise<Array<{ userId: string; readAt: string }>>
}

/** What the receipt queries need of an announcement. */
export type ReceiptScope = Pick<Announcement, 'id' | 'gridCodes'>

/** Where a page of memberships ended. */
export type MembershipKey = Pick<Membership, 'gridCode' | 'requestedAt' | 'userId'>
