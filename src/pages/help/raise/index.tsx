import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import FieldError from '../../../components/FieldError'
import { LimitedTextArea } from '../../../components/TextBox'
import { HELP_TEXT_MAX } from '../../../contracts/limits'
import { EMERGENCY_KINDS, HELP_KIND_LABELS, HELP_KINDS } from '../../../core/kinds/helpTerms'
import EmergencyCalls from '../EmergencyCalls'
import { HELP_STATUS_URL } from '../../../utils/help/urls'
import VoiceNote from '../../../components/VoiceNote'
import { useHelpRaise } from './useHelpRaise'
import { a11y } from '../../../utils/a11y'
import '../../../components/TextBox/index.css'
import './index.css'

const HINTS: Record<string, string> = {
  neighbour_dispute: '噪音、漏水、占道等',
  family: '争吵、赡养、抚养等',
  danger: '有人受伤或正受威胁',
  other: '其他需要帮助的情况',
}

/**
 * 一键求助: pick what is happening, optionally speak or type, 发出求助. For danger to life the page
 * opens with 110 / 120 / 119 before anything else, and any refusal shows them too.
 */
export default function HelpRaise() {
  const s = useHelpRaise()
  const danger = !!s.kind && EMERGENCY_KINDS.includes(s.kind)
  return (
    <View className='jf-page jf-help-raise' id='jf-help-raise' data-kind={s.kind}>
      {danger && <EmergencyCalls lead='人身安全受到威胁，请先拨打' />}

      {s.refusal && (
        <View className='jf-help-refused' id='jf-help-refused' data-code={s.refusal.code}>
          <Text className='jf-help-refused-text'>求助未能发出：{s.refusal.message}</Text>
          {!danger && <EmergencyCalls lead='情况紧急请直接拨打' />}
        </View>
      )}

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>遇到了什么情况</Text>
        <View className='jf-help-body'>
          <View className='jf-help-kinds' id='jf-help-kinds' {...a11y('radiogroup', { label: '遇到了什么情况' })}>
            {HELP_KINDS.map((k) => (
              <View
                key={k}
                id={`jf-help-kind-${k}`}
                className={`jf-help-kind ${s.kind === k ? 'is-active' : ''} ${EMERGENCY_KINDS.includes(k) ? 'is-danger' : ''}`}
                data-kind={k}
                {...a11y('radio', { checked: s.kind === k })}
                onClick={() => s.pickKind(k)}
              >
                <Text className='jf-help-kind-title'>{HELP_KIND_LABELS[k]}</Text>
                <Text className='jf-help-kind-hint'>{HINTS[k]}</Text>
              </View>
            ))}
          </View>
          <FieldError field='kind' message={s.kindError} />
        </View>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title'>说一说（可选）</Text>
        <View className='jf-help-body'>
          <VoiceNote {...s.voice} idPrefix='jf-help-voice' />
          <View className='jf-help-text' id='jf-help-text'>
            <LimitedTextArea value={s.text} onChange={s.setText} maxLength={HELP_TEXT_MAX} showCount rows={3} placeholder='也可以写几句话，如：楼上漏水，邻居不开门' />
          </View>
        </View>
      </View>

      <View className='jf-card jf-help-place' id='jf-help-place' data-located={s.place ? '1' : '0'}>
        <Text className='jf-section-title jf-required'>我的位置</Text>
        <View className='jf-help-body'>
          {s.place ? (
            <Text className='jf-help-place-grid' id='jf-help-place-grid'>
              {s.place.grid ? `${s.place.grid.name}，将通知本社区值班人员` : '已定位，附近暂无服务网格'}
            </Text>
          ) : (
            <Text className='jf-muted'>{s.location.busy ? '正在获取位置…' : '需要您的位置才能找到值班人员'}</Text>
          )}
          {s.location.error && <Text className='jf-field-error'>{s.location.error}</Text>}
          <View className='jf-row jf-help-place-actions'>
            <Button id='jf-help-locate' size='small' fill='outline' loading={s.location.busy} onClick={() => void s.location.fromDevice()}>
              重新定位
            </Button>
            <Button id='jf-help-pick' size='small' fill='outline' onClick={() => void s.location.fromMap()}>
              在地图上选点
            </Button>
          </View>
        </View>
      </View>

      <View className='jf-submit-bar'>
        <Button id='jf-help-send' className='jf-help-danger-btn' type='danger' block size='large' loading={s.sending} onClick={() => void s.send()}>
          {s.sending ? '正在发出…' : '发出求助'}
        </Button>
      </View>

      {!danger && !s.refusal && (
        <View className='jf-help-foot' id='jf-help-foot'>
          <Text className='jf-muted'>本服务不能代替报警和急救。紧急情况请直接拨打 110、120、119。</Text>
        </View>
      )}

      <View className='jf-help-mine-link' id='jf-help-mine-link' {...a11y('link', { label: '我的求助记录' })} onClick={() => void Taro.navigateTo({ url: HELP_STATUS_URL })}>
        <Text>我的求助记录 ›</Text>
      </View>
    </View>
  )
}
