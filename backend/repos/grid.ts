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
  /** Announcements reaching any of the grids, newest first; `before` is an id. */
  listAnnouncements(gridCodes: readonly string[], opts: { before?: string; limit?: number; type?: Announcement['type'] }): Promise<Announcement[]>
  listAnnouncementsBy(authorId: string, opts: { before?: string; limit?: number }): Promise<Announcement[]>
  /** Keeps the first read time. */
  markAnnouncementRead(announcementId: string, userId: string, at: string): Promise<void>
  /** Which of these announcements the user has read. */
  readAnnouncements(userId: string, ids: readonly string[]): Promise<string[]>
  announcementReads(announcementId: string): Promise<Array<{ userId: string; readAt: string }>>
}
