import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import FieldError from '../../../components/FieldError'
import TextBox, { LimitedTextArea } from '../../../components/TextBox'
import VoiceNote from '../../../components/VoiceNote'
import { HELP_TEXT_MAX, PERSON_NAME_MAX } from '../../../contracts/limits'
import { EMERGENCY_KINDS, HELP_KIND_LABELS, HELP_KINDS } from '../../../core/kinds/helpTerms'
import { PROXY_DECLARATION } from '../../../core/proxyMark'
import { a11y } from '../../../utils/a11y'
import EmergencyCalls from '../../help/EmergencyCalls'
import { useProxyHelp } from './useProxyHelp'
import '../../../components/TextBox/index.css'
import '../../help/raise/index.css'
import './index.css'

/**
 * 代为求助: a grid worker or 代办员 asks for help for the person with them — who they are (so the one
 * who comes can call back), what is happening, a voice note or a line, and where. For danger to life
 * 110 / 120 / 119 come first, and on every refusal.
 */
export default function ProxyHelp() {
  const s = useProxyHelp()
  const danger = !!s.kind && EMERGENCY_KINDS.includes(s.kind)
  return (
    <View className='jf-page jf-help-raise jf-proxy-help' id='jf-proxy-help-form' data-kind={s.kind}>
      {danger && <EmergencyCalls lead='人身安全受到威胁，请先拨打' />}
      {s.refusal && (
        <View className='jf-help-refused' id='jf-proxy-help-refused'>
          <Text className='jf-help-refused-text'>求助未能发出：{s.refusal}</Text>
          {!danger && <EmergencyCalls lead='情况紧急请直接拨打' />}
        </View>
      )}

      <View className='jf-col jf-proxy-help-intro'>
        <Text className='jf-proxy-help-title' {...a11y('heading', { level: 1 })}>
          为身边的居民求助
        </Text>
        <Text className='jf-proxy-help-text'>居民须在身边并同意。本社区值班人员会立即收到，响应人会打这里填写的电话联系居民。</Text>
      </View>

      <View className='jf-card'>
        <TextBox label='居民姓名' required id='jf-proxy-help-name' value={s.person.name} onChange={s.person.setName} placeholder='请填写居民姓名' maxLength={PERSON_NAME_MAX} field='proxyName' error={s.errors.proxyName} />
        <TextBox label='居民联系电话' required id='jf-proxy-help-phone' type='tel' value={s.person.phone} onChange={s.person.setPhone} placeholder='手机号或固定电话；居民以后用手机号认领' maxLength={20} field='proxyPhone' error={s.errors.proxyPhone} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>遇到了什么情况</Text>
        <View className='jf-help-body'>
          <View className='jf-help-kinds' id='jf-proxy-help-kinds' {...a11y('radiogroup', { label: '遇到了什么情况' })}>
            {HELP_KINDS.map((k) => (
              <View
                key={k}
                id={`jf-proxy-help-kind-${k}`}
                className={`jf-help-kind ${s.kind === k ? 'is-active' : ''} ${EMERGENCY_KINDS.includes(k) ? 'is-danger' : ''}`}
                data-kind={k}
                {...a11y('radio', { label: HELP_KIND_LABELS[k], checked: s.kind === k })}
                onClick={() => s.pickKind(k)}
              >
                <Text className='jf-help-kind-title'>{HELP_KIND_LABELS[k]}</Text>
              </View>
            ))}
          </View>
          <FieldError field='kind' message={s.errors.kind} />
        </View>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title'>说一说（可选）</Text>
        <View className='jf-help-body'>
          <VoiceNote {...s.voice} idPrefix='jf-proxy-help-voice' />
          <View className='jf-help-text' id='jf-proxy-help-words'>
            <LimitedTextArea value={s.text} onChange={s.setText} maxLength={HELP_TEXT_MAX} showCount rows={3} placeholder='也可以写几句话，如：老人在家摔倒，起不来' />
          </View>
        </View>
      </View>

      <View className='jf-card jf-help-place' id='jf-proxy-help-place' data-located={s.place ? '1' : '0'}>
        <Text className='jf-section-title jf-required'>求助位置</Text>
        <View className='jf-help-body'>
          {s.place ? (
            <Text className='jf-help-place-grid' id='jf-proxy-help-place-grid'>
              {s.place.grid ? `${s.place.grid.name}，将通知本社区值班人员` : '已定位，附近暂无服务网格'}
            </Text>
          ) : (
            <Text className='jf-muted'>{s.location.busy ? '正在获取位置…' : '默认用您当前的位置，也可在地图上选点'}</Text>
          )}
          {s.location.error && <Text className='jf-field-error'>{s.location.error}</Text>}
          {!s.place && <FieldError field='place' message={s.errors.place} />}
          <View className='jf-row jf-help-place-actions'>
            <Button id='jf-proxy-help-locate' size='small' fill='outline' loading={s.location.busy} onClick={() => void s.location.fromDevice()}>
              用我的位置
            </Button>
            <Button id='jf-proxy-help-pick' size='small' fill='outline' onClick={() => void s.location.fromMap()}>
              在地图上选点
            </Button>
          </View>
        </View>
      </View>

      <View className='jf-card jf-proxy-help-declare' id='jf-proxy-help-declaration'>
        <Checkbox checked={s.declared} onChange={(v) => s.declare(v)} label={PROXY_DECLARATION} />
        <FieldError field='declaration' message={s.errors.declaration} />
      </View>

      <View className='jf-submit-bar'>
        <Button id='jf-proxy-help-send' className='jf-help-danger-btn' type='danger' block size='large' loading={s.sending} onClick={() => void s.send()}>
          {s.sending ? '正在发出…' : '代为发出求助'}
        </Button>
      </View>
    </View>
  )
}
