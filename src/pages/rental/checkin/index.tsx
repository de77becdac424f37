import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import ConsentSheet from '../../../components/ConsentSheet'
import FieldError from '../../../components/FieldError'
import LoadState from '../../../components/LoadState'
import { roomsByFloor } from '../../../utils/rental/buildings'
import { DOC_TYPES } from '../../../utils/rental/labels'
import { typedDocNumber } from '../../../utils/rental/checkin'
import RentalMisuseSheet from '../../../components/RentalMisuseSheet'
import TextBox from '../../../components/TextBox'
import CohabitantsCard from './CohabitantsCard'
import LeaseDatesCard from './LeaseDatesCard'
import ConsentsCard from './ConsentsCard'
import { useCheckin } from './useCheckin'
import { TENANT_NAME_MAX } from '../../../contracts/limits'
import { a11y } from '../../../utils/a11y'
import '../../../components/RentalKit/kit.css'
import './index.css'

/** Check-in for one building, opened from its QR (`?b=<code>` or a 小程序码's `scene=b%3D<code>`). */
export default function RentalCheckin() {
  const s = useCheckin()
  const { code, load, draft, errors, busy, misuse, setMisuse, loadBuilding, set, docMessage, submit } = s
  if (load.phase === 'loading') return <View className='jf-page jf-center'>正在加载楼栋信息…</View>
  if (load.phase === 'error') return <LoadState error={load.message} errorId='jf-checkin-error' onRetry={code ? () => void loadBuilding() : undefined} />

  const b = load.building
  return (
    <View className='jf-page jf-checkin' id='jf-checkin' data-code={b.code}>
      <View className='jf-card jf-checkin-building' id='jf-checkin-building'>
        <Text className='jf-section-title'>{b.name}</Text>
        {/* The address already names the district and street: the second line says only whose grid and building it is. */}
        <Text className='jf-rental-notice jf-checkin-address'>{b.address}</Text>
        <Text className='jf-rental-notice'>
          {b.gridName} · 楼栋长 {b.managerName}
        </Text>
      </View>

      <View className='jf-card' id='jf-checkin-notice' data-version={b.notice.version}>
        <Text className='jf-section-title'>登记目的与保存期限</Text>
        <Text className='jf-rental-notice'>
          {b.notice.purpose}
          {'\n'}您的登记信息在退租后保存 {b.notice.retentionDays} 天，期满自动清除。证件号码只以脱敏形式展示，派出所查看完整号码需说明事由并留痕。
        </Text>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>房号</Text>
        <View id='jf-checkin-rooms'>
          {roomsByFloor(b.rooms).map((g) => (
            <View key={g.floor} className='jf-rental-floor'>
              {g.floor && <Text className='jf-rental-floor-label'>{g.floor} 层</Text>}
              <View className='jf-rental-chips'>
                {g.rooms.map((r) => (
                  <View key={r} className={`jf-rental-chip jf-checkin-room ${draft.room === r ? 'is-active' : ''}`} data-room={r} {...a11y('radio', { checked: draft.room === r })} onClick={() => set('room', r)}>
                    <Text>{r}</Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
        </View>
        <FieldError field='room' message={errors.room} />
      </View>

      <View className='jf-card'>
        <TextBox label='真实姓名' required id='jf-checkin-name' className='jf-rental-input' value={draft.name} onChange={(v) => set('name', v)} placeholder='与证件上的姓名一致' maxLength={TENANT_NAME_MAX} field='name' error={errors.name} />

        <Text className='jf-section-title jf-required'>证件类型</Text>
        <View className='jf-rental-chips' id='jf-checkin-doctypes' {...a11y('radiogroup', { label: '证件类型' })}>
          {DOC_TYPES.map((t) => (
            <View key={t.key} className={`jf-rental-chip jf-checkin-doctype ${draft.docType === t.key ? 'is-active' : ''}`} data-doc-type={t.key} {...a11y('radio', { checked: draft.docType === t.key })} onClick={() => set('docType', t.key)}>
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>

        <TextBox label='证件号码' required id='jf-checkin-doc' className='jf-rental-input' value={draft.docNumber} onChange={(v) => set('docNumber', typedDocNumber(v))} placeholder={draft.docType === 'id_card' ? '18 位身份证号码' : '证件上的号码'} maxLength={20} field='docNumber' error={docMessage} />

        <TextBox label='手机号码' required id='jf-checkin-phone' className='jf-rental-input' value={draft.phone} type='tel' onChange={(v) => set('phone', v)} placeholder='11 位手机号码' maxLength={13} field='phone' error={errors.phone} />
      </View>

      <LeaseDatesCard s={s} idPrefix='jf-checkin' />

      <CohabitantsCard s={s} />
      <ConsentsCard s={s} />

      <View className='jf-rental-submit'>
        <Button id='jf-checkin-submit' type='primary' block loading={busy} onClick={() => void submit()}>
          提交登记
        </Button>
      </View>

      <View className='jf-rental-more jf-checkin-misuse' id='jf-checkin-misuse' {...a11y('button')} onClick={() => setMisuse(true)}>
        <Text>有人冒用我的证件？</Text>
      </View>
      <RentalMisuseSheet visible={misuse} buildingCode={b.code} onClose={() => setMisuse(false)} />
      <ConsentSheet gate={s.consent} />
    </View>
  )
}
