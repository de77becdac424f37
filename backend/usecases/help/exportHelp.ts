/**
 * The 一键求助 part of a person's export (查阅与导出): every request they raised — what they said,
 * where, when, who came and how it ended. Never the helpers' phones or who else was told.
 */
import type { ExportSection } from '../../../src/contracts/account'
import { linkText, readLink } from '../../../src/core/caseLink'
import { HELP_KIND_LABELS, HELP_STATUS_LABELS, helpPayload, type HelpStatus } from '../../../src/core/kinds/help'
import type { OrgTree } from '../../../src/core/org'
import type { Deps } from '../../deps'
import { record, section, timeText } from '../account/exportRecord'
import { casePages } from '../rental/reads'

export async function helpSection(d: Deps, tree: OrgTree, userId: string): Promise<ExportSection> {
  const records = []
  for await (const page of casePages(d, { kind: 'help', creatorId: userId, order: 'newest' })) {
    for (const c of page) {
      const p = helpPayload(c)
      const responder = p.takenBy ? await d.store.getUser(p.takenBy) : null
      const link = readLink(p.convertedTo)
      records.push(
        record(`${HELP_KIND_LABELS[p.helpKind] ?? '求助'}（${timeText(c.createdAt)}）`, [
          ['编号', c.number],
          ['遇到的情况', HELP_KIND_LABELS[p.helpKind]],
          ['状态', HELP_STATUS_LABELS[c.status as HelpStatus] ?? c.status],
          ['我说的话', p.text],
          ['语音', p.voiceFileId ? '有一段语音' : null],
          ['求助位置', `${tree.get(c.gridCode ?? '')?.name ?? ''}（经度 ${p.location.lng.toFixed(5)}，纬度 ${p.location.lat.toFixed(5)}）`],
          ['响应人员', responder && !responder.deletedAt ? responder.name : null],
          ['响应时间', timeText(p.takenAt)],
          ['处理结果', p.closeNote],
          ['已转为', link ? linkText(link) : null],
        ]),
      )
    }
  }
  return section('我的一键求助', records)
}
