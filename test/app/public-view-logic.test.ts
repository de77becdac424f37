import {
  DESCRIPTION_NOT_PUBLIC,
  distanceText,
  followingText,
  moderationLines,
  PUBLIC_VIEW_NOTE,
  publicDescription,
  updatesTitle,
} from '../../src/components/PublicCase/logic'
import type { ModerationView } from '../../src/contracts/api'

const here = { lng: 113.32025, lat: 23.181 }
/** About `m` metres north of `here`. */
const north = (m: number) => ({ lng: here.lng, lat: here.lat + m / 111_320 })

describe('public view of someone else’s report', () => {
  it('says why so little is shown', () => {
    expect(PUBLIC_VIEW_NOTE).toBe('为保护隐私，仅显示已公开的内容')
  })

  it('shows the description only once published, and says so otherwise', () => {
    expect(publicDescription({ description: '东门垃圾桶满溢' })).toEqual({ text: '东门垃圾桶满溢', published: true })
    expect(publicDescription({ description: null })).toEqual({ text: DESCRIPTION_NOT_PUBLIC, published: false })
    expect(publicDescription({ description: '   ' }).published).toBe(false)
  })

  it('gives the distance no finer than the rounded point allows', () => {
    expect(distanceText(here, north(10))).toBe('距您 50 米以内')
    expect(distanceText(here, north(49))).toBe('距您 50 米以内')
    expect(distanceText(here, north(63))).toBe('距您约 60 米')
    expect(distanceText(here, north(96))).toBe('距您约 100 米')
    expect(distanceText(here, north(1560))).toBe('距您约 1.6 公里')
    expect(distanceText(null, north(60))).toBe('')
  })

  it('counts public updates in the title', () => {
    expect(updatesTitle(0)).toBe('公开进展')
    expect(updatesTitle(2)).toBe('公开进展（2）')
  })

  it('tells a follower of a finished case that no more notices come', () => {
    expect(followingText('accepted')).toBe('已关注此事项，办理进展会通过消息通知您')
    expect(followingText('closed')).toBe('此事项已结束，不再发送进展通知')
    expect(followingText('merged')).toBe('此事项已结束，不再发送进展通知')
  })
})

describe('what the reporter is told about their own content', () => {
  const m = (over: Partial<ModerationView> = {}): ModerationView => ({
    description: 'pending',
    descriptionLabel: '待审核',
    publicDescription: null,
    photos: [],
    hidden: false,
    ...over,
  })

  it('lists the description and photos by state', () => {
    expect(moderationLines(m())).toEqual(['问题描述：待审核'])
    const photos: ModerationView['photos'] = [
      { fileId: 'a', state: 'published', stateLabel: '已公开' },
      { fileId: 'b', state: 'pending', stateLabel: '待审核' },
      { fileId: 'c', state: 'published', stateLabel: '已公开' },
    ]
    expect(moderationLines(m({ description: 'published', descriptionLabel: '已公开', photos }))).toEqual([
      '问题描述：已公开',
      '照片：2 张已公开，1 张待审核',
    ])
  })

  it('says when the public reads an edited text, and when nothing is public at all', () => {
    expect(moderationLines(m({ description: 'edited', descriptionLabel: '已编辑', publicDescription: '东门垃圾桶满溢' }))[0]).toBe(
      '问题描述：已编辑（其他居民看到的是编辑后的内容）',
    )
    expect(moderationLines(m({ hidden: true }))).toEqual(['此事项不向其他居民公开，只有您和办理人员可以看到'])
    expect(moderationLines(undefined)).toEqual([])
  })
})
