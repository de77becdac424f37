import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CaseNumber from '../../../components/CaseNumber'
import EmptyState from '../../../components/EmptyState'
import FieldError from '../../../components/FieldError'
import LoadState from '../../../components/LoadState'
import TextBox from '../../../components/TextBox'
import { TENANT_NAME_MAX } from '../../../contracts/limits'
import { a11y } from '../../../utils/a11y'
import { roomsByFloor } from '../../../utils/rental/buildings'
import { typedDocNumber } from '../../../utils/rental/checkin'
import { DOC_TYPES } from '../../../utils/rental/labels'
import CohabitantsCard from '../../rental/checkin/CohabitantsCard'
import LeaseDatesCard from '../../rental/checkin/LeaseDatesCard'
import ProxyConsents from './ProxyConsents'
import { useProxyCheckin, type ProxyCheckinState } from './useProxyCheckin'
import '../../../components/RentalKit/kit.css'
import './index.css'

/** The registration as filed: its number, who it waits for, and how the tenant takes it over. */
function Done({ s }: { s: ProxyCheckinState }) {
  const r = s.done!
  return (
    <View className='jf-page' id='jf-proxy-checkin-done' data-id={r.id}>
      <View className='jf-card jf-col jf-proxy-checkin-done'>
        <Text className='jf-section-title' {...a11y('heading', { level: 1 })}>
          代办登记已提交
        </Text>
        <CaseNumber value={r.number} label='登记编号' />
        <Text>
          {r.buildingName} {r.room} 室 · {r.name ?? ''} · {r.statusLabel}
        </Text>
        {r.proxyNote && (
          <Text className='jf-muted' id='jf-proxy-checkin-note'>
            {r.proxyNote}
          </Text>
        )}
        <Text className='jf-muted'>楼栋长确认后生效。请告诉租户：以后可用登记的手机号在「我的 → 认领代办事项」认领，登记即归本人。</Text>
      </View>
      <View className='jf-col jf-proxy-checkin-actions'>
        <Button id='jf-proxy-checkin-next' type='primary' block onClick={s.next}>
          继续为下一位租户登记
        </Button>
        <Button block fill='outline' onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </View>
  )
}

/**
 * 代办租户登记: a grid worker or 代办员 registers a tenant who is present, in a building of their own
 * area — the same questions as the tenant's own check-in, the notice read out to them, their consents
 * given face to face and the agent's declaration. The building's manager confirms it as usual.
 */
export default function ProxyCheckin() {
  const s = useProxyCheckin()
  const { load, building, draft, errors, set } = s
  if (s.done) return <Done s={s} />
  if (load.phase !== 'ready') return <LoadState error={load.phase === 'error' ? load.message : ''} errorId='jf-proxy-checkin-error' loadingId='jf-proxy-checkin-loading' onRetry={() => void s.loadBuildings()} />
  if (load.buildings.length === 0) return <EmptyState icon='building' title='还没有可登记的楼栋' description='您负责的范围内还没有楼栋长登记的出租屋，请联系楼栋长先登记楼栋' />

  return (
    <View className='jf-page jf-checkin' id='jf-proxy-checkin-form'>
      <View className='jf-col jf-proxy-checkin-intro'>
        <Text className='jf-proxy-checkin-intro-title' {...a11y('heading', { level: 1 })}>
          为在场的租户代办登记
        </Text>
        <Text className='jf-proxy-checkin-intro-text'>租户须在场。请核对证件，把登记目的和保存期限读给租户听，经本人同意后提交。</Text>
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>楼栋</Text>
        <View id='jf-proxy-checkin-buildings' {...a11y('radiogroup', { label: '选择楼栋' })}>
          {load.buildings.map((b) => (
            <View
              key={b.code}
              className={`jf-col jf-proxy-checkin-building ${building?.code === b.code ? 'is-active' : ''}`}
              data-code={b.code}
              {...a11y('radio', { label: `${b.name}，${b.address}`, checked: building?.code === b.code })}
              onClick={() => void s.pickBuilding(b.code)}
            >
              <Text className='jf-proxy-checkin-building-name'>{b.name}</Text>
              <Text className='jf-proxy-checkin-building-address'>
                {b.address} · {b.gridName}
              </Text>
            </View>
          ))}
        </View>
      </View>

      {building && (
        <>
          <View className='jf-card' id='jf-proxy-checkin-notice' data-version={building.notice.version}>
            <Text className='jf-section-title'>请读给租户听：登记目的与保存期限</Text>
            <Text className='jf-rental-notice'>
              {building.notice.purpose}
              {'\n'}登记信息在退租后保存 {building.notice.retentionDays} 天，期满自动清除。证件号码只以脱敏形式展示，派出所查看完整号码需说明事由并留痕。
            </Text>
          </View>

          <View className='jf-card'>
            <Text className='jf-section-title jf-required'>房号</Text>
            <View id='jf-proxy-checkin-rooms'>
              {roomsByFloor(building.rooms).map((g) => (
                <View key={g.floor} className='jf-rental-floor'>
                  {g.floor && <Text className='jf-rental-floor-label'>{g.floor} 层</Text>}
                  <View className='jf-rental-chips'>
                    {g.rooms.map((r) => (
                      <View key={r} className={`jf-rental-chip jf-proxy-checkin-room ${draft.room === r ? 'is-active' : ''}`} data-room={r} {...a11y('radio', { label: `${r} 室`, checked: draft.room === r })} onClick={() => set('room', r)}>
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
            <TextBox label='租户真实姓名' required id='jf-proxy-checkin-name' className='jf-rental-input' value={draft.name} onChange={(v) => set('name', v)} placeholder='与证件上的姓名一致' maxLength={TENANT_NAME_MAX} field='name' error={errors.name} />
            <Text className='jf-section-title jf-required'>证件类型</Text>
            <View className='jf-rental-chips' id='jf-proxy-checkin-doctypes'>
              {DOC_TYPES.map((t) => (
                <View key={t.key} className={`jf-rental-chip ${draft.docType === t.key ? 'is-active' : ''}`} data-doc-type={t.key} {...a11y('radio', { label: t.label, checked: draft.docType === t.key })} onClick={() => set('docType', t.key)}>
                  <Text>{t.label}</Text>
                </View>
              ))}
            </View>
            <TextBox label='证件号码' required id='jf-proxy-checkin-doc' className='jf-rental-input' value={draft.docNumber} onChange={(v) => set('docNumber', typedDocNumber(v))} placeholder={draft.docType === 'id_card' ? '18 位身份证号码' : '证件上的号码'} maxLength={20} field='docNumber' error={s.docMessage} />
            <TextBox label='租户本人手机号码' required id='jf-proxy-checkin-phone' className='jf-rental-input' value={draft.phone} type='tel' onChange={(v) => set('phone', v)} placeholder='租户以后用它认领登记' maxLength={13} field='phone' error={errors.phone} />
          </View>

          <LeaseDatesCard s={s} idPrefix='jf-proxy-checkin' />

          <CohabitantsCard s={s} />
          <ProxyConsents s={s} />

          <View className='jf-rental-submit'>
            <Button id='jf-proxy-checkin-submit' type='primary' block loading={s.busy} onClick={() => void s.submit()}>
              提交代办登记
            </Button>
          </View>
        </>
      )}
    </View>
  )
}
