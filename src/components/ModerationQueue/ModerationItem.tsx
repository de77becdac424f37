import { Button, Tag } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ModerationItemView } from '../../contracts/api'
import { formatInstant } from '../../core/time'
import {
  descriptionMoveLabel,
  descriptionMoves,
  pendingSummary,
  PHOTO_MOVE_LABELS,
  photoMoves,
  photoStateText,
  type DescriptionMove,
  type PhotoMove,
} from '../ModerationKit/logic'
import StatusTag from '../StatusTag'
import { a11y } from '../../utils/a11y'

type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger'
const STATE_TONE: Record<string, Tone> = { pending: 'warning', published: 'success', hidden: 'default', edited: 'primary' }

type ButtonType = 'default' | 'primary' | 'warning' | 'danger'

interface MoveProps {
  cls: string
  type: ButtonType
  outline: boolean
  /** This decision is under way. */
  running: boolean
  busy: string
  label: string
  onClick: () => void
}

/** One decision's small button: its spinner while that decision runs, and none of them while any does. */
function MoveButton({ cls, type, outline, running, busy, label, onClick }: MoveProps) {
  return (
    <Button className={`jf-mod-btn ${cls}`} size='small' type={type} fill={outline ? 'outline' : undefined} loading={running} disabled={busy !== ''} onClick={onClick}>
      {label}
    </Button>
  )
}

interface Props {
  item: ModerationItemView
  /** The decision under way on this item ("desc-publish", "photo-publish-<id>"…), to show its spinner. */
  busy: string
  onDescription: (item: ModerationItemView, move: DescriptionMove) => void
  onPhoto: (item: ModerationItemView, fileId: string, move: PhotoMove) => void
  onReport: (item: ModerationItemView, hide: boolean) => void
  /** The desk list this queue sits on (`from=` of the case's url); none on the phone. */
  openFrom?: string
}

/** One report in the queue: its description and each photo with the decisions their state allows. */
export default function ModerationItem({ item, busy, onDescription, onPhoto, onReport, openFrom }: Props) {
  const c = item.case
  const d = item.description
  const urls = item.photos.map((p) => p.url)
  const openCase = () => void Taro.navigateTo({ url: `/pages/report-staff/case/index?id=${encodeURIComponent(c.id)}${openFrom ? `&from=${openFrom}` : ''}` })

  return (
    <View className='jf-card jf-mod-item' data-case-id={c.id} data-hidden={item.hidden ? '1' : '0'}>
      <View className='jf-mod-head'>
        <View className='jf-mod-head-main'>
          <Text className='jf-mod-category'>{c.categoryName}</Text>
          <Text className='jf-muted jf-mod-meta'>
            {c.gridName} · {formatInstant(c.createdAt)}
            {c.anonymous ? ' · 匿名' : ''}
          </Text>
        </View>
        <StatusTag status={c.status} label={c.statusLabel} />
      </View>
      <View className='jf-mod-summary-row'>
        <Text className={`jf-mod-summary ${item.hidden ? 'is-hidden' : ''}`}>{pendingSummary(item)}</Text>
        <Text className='jf-mod-open' {...a11y('link', { label: '查看事项' })} onClick={openCase}>
          查看事项 ›
        </Text>
      </View>

      <View className='jf-mod-desc' data-state={d.state}>
        <View className='jf-mod-part-head'>
          <Text className='jf-mod-part-title'>问题描述</Text>
          <Tag type={STATE_TONE[d.state] ?? 'default'} plain>
            {d.stateLabel}
          </Tag>
        </View>
        <Text className='jf-mod-desc-text'>{d.text}</Text>
        {d.state === 'edited' && d.publicText !== null && (
          <View className='jf-mod-public-text'>
            <Text className='jf-muted'>公开内容：</Text>
            <Text className='jf-mod-desc-public'>{d.publicText}</Text>
          </View>
        )}
        <View className='jf-mod-buttons'>
          {descriptionMoves(d.state).map((m) => (
            <MoveButton
              key={m}
              cls={`jf-mod-desc-${m}`}
              type={m === 'publish' ? 'primary' : m === 'hide' ? 'danger' : 'default'}
              outline={m === 'hide'}
              running={busy === `desc-${m}`}
              busy={busy}
              label={descriptionMoveLabel(m, d.state)}
              onClick={() => onDescription(item, m)}
            />
          ))}
        </View>
      </View>

      {item.photos.length > 0 && (
        <View className='jf-mod-photos'>
          <Text className='jf-mod-part-title'>照片（{item.photos.length}）</Text>
          {item.photos.map((p) => (
            <View key={p.fileId} className='jf-mod-photo' data-file-id={p.fileId} data-state={p.state} data-checking={p.checking ? '1' : '0'}>
              <View className='jf-mod-photo-img-cell' {...a11y('button', { label: '查看照片大图' })} onClick={() => void Taro.previewImage({ urls, current: p.url })}>
                <Image className='jf-mod-photo-img' src={p.url} mode='aspectFill' />
              </View>
              <View className='jf-mod-photo-side'>
                <Tag type={p.checking ? 'primary' : STATE_TONE[p.state] ?? 'default'} plain>
                  {photoStateText(p)}
                </Tag>
                <View className='jf-mod-buttons'>
                  {photoMoves(p).map((m) => (
                    <MoveButton
                      key={m}
                      cls={`jf-mod-photo-${m}`}
                      type={m === 'publish' ? 'primary' : m === 'face' ? 'warning' : 'danger'}
                      outline={m === 'hide'}
                      running={busy === `photo-${m}-${p.fileId}`}
                      busy={busy}
                      label={PHOTO_MOVE_LABELS[m]}
                      onClick={() => onPhoto(item, p.fileId, m)}
                    />
                  ))}
                </View>
              </View>
            </View>
          ))}
        </View>
      )}

      <View className='jf-mod-report'>
        {item.hidden ? (
          <Button className='jf-mod-btn jf-mod-unhide-report' size='small' fill='outline' loading={busy === 'report-unhide'} disabled={busy !== ''} onClick={() => onReport(item, false)}>
            取消隐藏，恢复公开视图
          </Button>
        ) : (
          <Button className='jf-mod-btn jf-mod-hide-report' size='small' type='danger' fill='none' disabled={busy !== ''} onClick={() => onReport(item, true)}>
            对公众隐藏整条事项
          </Button>
        )}
      </View>
    </View>
  )
}
