import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import { ANNOUNCEMENT_TYPES } from '../../../utils/gridwork/labels'
import { BODY_MAX, TITLE_MAX } from '../../../utils/gridwork/publish'
import TargetsCard from './TargetsCard'
import { useGridPublish } from './useGridPublish'
import LoadState from '../../../components/LoadState'
import { a11y } from '../../../utils/a11y'
import '../../../components/GridWorkKit/kit.css'
import './index.css'
import TextBox from '../../../components/TextBox'

/** 发布公告: to the worker's grid, or (综治中心) to chosen grids, a community or the whole street. */
export default function GridPublish() {
  const s = useGridPublish()
  const { session, draft, errors, formError, sending, targets, set, publish } = s
  if (session.status !== 'ready') return <LoadState error={session.status === 'error' ? session.message : session.status === 'loading' ? '' : '请先登录'} errorId='jf-gw-publish-error' />
  if (!targets.length)
    return (
      <View className='jf-page jf-center' id='jf-gw-publish-error'>
        <Text>只有网格员和街道综治中心可以发布公告</Text>
      </View>
    )

  const emergency = draft.type === 'emergency'

  return (
    <View className='jf-page jf-gw-publish' id='jf-gw-publish-page'>
      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>公告类型</Text>
        <View className='jf-gw-chips' id='jf-gw-types' {...a11y('radiogroup', { label: '公告类型' })}>
          {ANNOUNCEMENT_TYPES.map((t) => (
            <View
              key={t.key}
              className={`jf-gw-chip jf-gw-type ${t.key === 'emergency' ? 'is-emergency' : ''} ${draft.type === t.key ? 'is-active' : ''}`}
              data-type={t.key}
              {...a11y('radio', { checked: draft.type === t.key })}
              onClick={() => set('type', t.key)}
            >
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
        <FieldError field='type' message={errors.type} />
        {emergency && (
          <View className='jf-gw-emergency' id='jf-gw-emergency-warn'>
            <Text className='jf-gw-emergency-title'>紧急公告将立即推送并置顶</Text>
            <Text className='jf-gw-emergency-text'>会通过消息推送给目标网格的全部已入群居民，并在未读前置顶显示，将统计 15 分钟内阅读率。请仅用于停水停电、极端天气、安全隐患等紧急情况。</Text>
          </View>
        )}
      </View>

      <View className='jf-card'>
        <TextBox label='标题' required id='jf-gw-title' className='jf-gw-field' value={draft.title} onChange={(v) => set('title', v)} placeholder='如：本周六上午 9 点小区停水通知' maxLength={TITLE_MAX} field='title' error={errors.title} />
        <TextBox label='内容' required id='jf-gw-body' className='jf-gw-field jf-gw-body' value={draft.body} onChange={(v) => set('body', v)} placeholder='请写清时间、地点、影响范围和居民需要做什么' maxLength={BODY_MAX} rows={6} field='body' error={errors.body} />
      </View>

      <TargetsCard s={s} />

      {formError && (
        <View className='jf-gw-error' id='jf-gw-publish-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-gw-submit-bar'>
        <Button id='jf-gw-publish' type='primary' block size='large' loading={sending} onClick={() => void publish()}>
          {sending ? '正在发布…' : emergency ? '发布紧急公告' : '发布'}
        </Button>
      </View>
    </View>
  )
}
