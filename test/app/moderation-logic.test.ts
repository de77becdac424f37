import {
  appendItems,
  describeInput,
  descriptionMoveLabel,
  descriptionMoves,
  FACE_OR_PLATE_REASON,
  hasPending,
  moderationFieldOf,
  pendingSummary,
  photoInput,
  photoMoves,
  photoStateText,
  PHOTO_REASONS,
  publicStateText,
  replaceItem,
  reportInput,
  validateDecision,
} from '../../src/components/ModerationKit/logic'
import type { ModerationItemView, ModerationView } from '../../src/contracts/api'

const ref = { id: 'C1', version: 4 }

function item(id: string, over: Partial<ModerationItemView> = {}): ModerationItemView {
  return {
    case: { id } as ModerationItemView['case'],
    version: 1,
    description: { text: '东门垃圾桶满溢，302房陈女士家门口', state: 'pending', stateLabel: '待审核', publicText: null },
    photos: [],
    hidden: false,
    ...over,
  }
}

const photo = (fileId: string, state: 'pending' | 'published' | 'hidden', checking = false) => ({
  fileId,
  url: `https://x/${fileId}`,
  state,
  stateLabel: { pending: '待审核', published: '已公开', hidden: '已隐藏' }[state],
  checking,
})

describe('decisions each piece offers', () => {
  it('never offers the decision that leaves the description where it is', () => {
    expect(descriptionMoves('pending')).toEqual(['publish', 'hide', 'redact'])
    expect(descriptionMoves('published')).toEqual(['hide', 'redact'])
    expect(descriptionMoves('hidden')).toEqual(['publish', 'redact'])
    expect(descriptionMoves('edited')).toEqual(['publish', 'hide', 'redact'])
    expect(descriptionMoveLabel('publish', 'pending')).toBe('公开')
    expect(descriptionMoveLabel('redact', 'pending')).toBe('编辑后公开')
    expect(descriptionMoveLabel('publish', 'edited')).toBe('公开原文')
    expect(descriptionMoveLabel('redact', 'edited')).toBe('重新编辑')
  })

  it('offers the one-tap face/plate hide on any photo still visible, and no second publish while WeChat checks it', () => {
    expect(photoMoves(photo('a', 'pending'))).toEqual(['publish', 'hide', 'face'])
    expect(photoMoves(photo('a', 'pending', true))).toEqual(['hide', 'face'])
    expect(photoMoves(photo('a', 'published'))).toEqual(['hide', 'face'])
    expect(photoMoves(photo('a', 'hidden'))).toEqual(['publish'])
    expect(photoStateText(photo('a', 'pending', true))).toBe('内容安全检测中')
    expect(photoStateText(photo('a', 'published'))).toBe('已公开')
  })
})

describe('what a decision sends', () => {
  it('publishes with no reason, redacts with the trimmed text and the reason', () => {
    expect(describeInput(ref, 'publish')).toEqual({ id: 'C1', version: 4, target: 'description', decision: 'publish' })
    expect(describeInput(ref, 'redact', { text: ' 东门垃圾桶满溢 ', reason: ' 含门牌 ' })).toEqual({
      id: 'C1',
      version: 4,
      target: 'description',
      decision: 'redact',
      text: '东门垃圾桶满溢',
      reason: '含门牌',
    })
    expect(describeInput(ref, 'hide', { reason: '与事项无关' })).toMatchObject({ decision: 'hide', reason: '与事项无关' })
  })

  it('hides a photo in one tap for a face or a plate, with that reason', () => {
    expect(photoInput(ref, 'F1', 'face')).toEqual({ id: 'C1', version: 4, target: 'photo', fileId: 'F1', decision: 'hide', reason: FACE_OR_PLATE_REASON })
    expect(photoInput(ref, 'F1', 'publish')).toEqual({ id: 'C1', version: 4, target: 'photo', fileId: 'F1', decision: 'publish' })
    expect(photoInput(ref, 'F1', 'hide', '车牌')).toMatchObject({ decision: 'hide', reason: '车牌' })
    expect(PHOTO_REASONS).toEqual(['人脸', '车牌', '其他'])
  })

  it('hides the whole report with a reason and unhides it without one', () => {
    expect(reportInput(ref, true, '涉及家庭隐私')).toEqual({ id: 'C1', version: 4, target: 'report', decision: 'hide', reason: '涉及家庭隐私' })
    expect(reportInput(ref, false)).toEqual({ id: 'C1', version: 4, target: 'report', decision: 'unhide' })
  })
})

describe('checks before sending', () => {
  const original = '东门垃圾桶满溢，302房陈女士家门口'

  it('wants a reason for a hide and for a redaction', () => {
    expect(validateDecision('hide', { reason: '' })).toEqual({ reason: '请填写隐藏原因' })
    expect(validateDecision('hide', { reason: '  ' })).toEqual({ reason: '请填写隐藏原因' })
    expect(validateDecision('hide', { reason: '人脸' })).toEqual({})
    expect(validateDecision('redact', { text: '东门垃圾桶满溢', reason: '' }, original)).toEqual({ reason: '请填写编辑原因' })
    expect(validateDecision('hide', { reason: '长'.repeat(201) }).reason).toBe('原因最多 200 个字')
  })

  it('wants a redaction to change something and to say something', () => {
    expect(validateDecision('redact', { text: '', reason: '含门牌' }, original)).toEqual({ text: '请填写公开的描述' })
    expect(validateDecision('redact', { text: ` ${original} `, reason: '含门牌' }, original).text).toContain('与原文相同')
    expect(validateDecision('redact', { text: '东门垃圾桶满溢', reason: '含门牌' }, original)).toEqual({})
  })

  it('maps the server’s details onto the two fields', () => {
    expect(moderationFieldOf('text')).toBe('text')
    expect(moderationFieldOf('reason')).toBe('reason')
    expect(moderationFieldOf('fileId')).toBeNull()
  })
})

describe('the queue', () => {
  it('sums up what still waits', () => {
    expect(pendingSummary(item('A'))).toBe('描述待审核')
    expect(pendingSummary(item('A', { photos: [photo('a', 'pending'), photo('b', 'pending', true), photo('c', 'published')] }))).toBe(
      '描述待审核 · 1 张照片待审核 · 1 张照片检测中',
    )
    expect(pendingSummary(item('A', { description: { text: 'x', state: 'published', stateLabel: '已公开', publicText: null } }))).toBe('已全部审核')
    expect(pendingSummary(item('A', { hidden: true }))).toBe('已对公众隐藏')
  })

  it('replaces a decided item in place and appends pages without repeats', () => {
    const list = [item('A'), item('B'), item('C')]
    const decided = item('B', { version: 2, hidden: true })
    expect(replaceItem(list, decided).map((x) => [x.case.id, x.version])).toEqual([['A', 1], ['B', 2], ['C', 1]])
    expect(appendItems(list, [item('C'), item('D')]).map((x) => x.case.id)).toEqual(['A', 'B', 'C', 'D'])
  })

  it('tells staff on the case page what the public sees and whether anything waits', () => {
    const m: ModerationView = {
      description: 'edited',
      descriptionLabel: '已编辑',
      publicDescription: '东门垃圾桶满溢',
      photos: [
        { fileId: 'a', state: 'published', stateLabel: '已公开' },
        { fileId: 'b', state: 'pending', stateLabel: '待审核' },
      ],
      hidden: false,
    }
    expect(publicStateText(m)).toBe('描述已编辑 · 1 张照片已公开 · 1 张照片待审核')
    expect(hasPending(m)).toBe(true)
    expect(hasPending({ ...m, photos: [m.photos[0]!] })).toBe(false)
    expect(hasPending({ ...m, hidden: true })).toBe(false)
    expect(publicStateText({ ...m, hidden: true })).toBe('已对公众隐藏')
  })
})
