import { Button, Cell, CellGroup, Input, Switch } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import LoadState from '../../../components/RentalKit/LoadState'
import FieldError from '../../../components/FieldError'
import RentalMisuseSheet from '../../../components/RentalMisuseSheet'
import {
  DOC_TYPES,
  RELATIONS,
  buildCheckIn,
  buildingCodeFrom,
  docNumberError,
  emptyCheckin,
  firstError,
  roomsByFloor,
  serverErrors,
  shanghaiDay,
  validateCheckin,
  type CheckinDraft,
  type CheckinErrors,
} from '../../../components/RentalKit/logic'
import type { BuildingPublicView } from '../../../contracts/rental'
import { randomId } from '../../../utils/id'
import '../../../components/RentalKit/kit.css'
import './index.css'
import { TENANT_NAME_MAX } from '../../../contracts/limits'

export const MINE_URL = '/pages/rental/mine/index'

type Load = { phase: 'loading' } | { phase: 'ready'; building: BuildingPublicView } | { phase: 'error'; message: string }

/** Check-in for one building, opened from its QR (`?b=<code>` or a 小程序码's `scene=b%3D<code>`). */
export default function RentalCheckin() {
  const { params } = useRouter()
  const code = buildingCodeFrom(params)
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [draft, setDraft] = useState<CheckinDraft>(() => emptyCheckin(shanghaiDay()))
  const [errors, setErrors] = useState<CheckinErrors>({})
  const [busy, setBusy] = useState(false)
  const [misuse, setMisuse] = useState(false)
  // One key per draft: a retry after a lost answer returns the first registration.
  const [key] = useState(() => randomId())

  const loadBuilding = useCallback(async () => {
    if (!code) return setLoad({ phase: 'error', message: '请扫描楼栋二维码进行登记' })
    setLoad({ phase: 'loading' })
    const r = await api.call('rental.building', { code })
    setLoad(r.ok ? { phase: 'ready', building: r.building } : { phase: 'error', message: r.message })
  }, [code])

  useEffect(() => {
    void loadBuilding()
  }, [loadBuilding])

  const set = <K extends keyof CheckinDraft>(k: K, v: CheckinDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => (e[k as keyof CheckinErrors] ? { ...e, [k]: undefined } : e))
  }

  if (load.phase === 'loading') return <View className='jf-page jf-center'>正在加载楼栋信息…</View>
  if (load.phase === 'error') return <LoadState error={load.message} errorId='jf-checkin-error' onRetry={code ? () => void loadBuilding() : undefined} />

  const b = load.building
  const liveDoc = draft.docType === 'id_card' && draft.docNumber.replace(/\s/g, '').length < 18 ? '' : docNumberError(draft.docNumber, draft.docType)
  const docMessage = errors.docNumber || liveDoc

  const submit = async () => {
    if (busy) return
    const e = validateCheckin(draft, b.rooms)
    setErrors(e)
    const first = firstError(e)
    if (first) return void Taro.showToast({ title: first, icon: 'none' })
    setBusy(true)
    const r = await api.call('rental.checkIn', buildCheckIn(draft, b.code, b.notice.version, key))
    setBusy(false)
    if (!r.ok) {
      const fe = serverErrors(r.details)
      setErrors(fe)
      return void Taro.showToast({ title: firstError(fe) || r.message, icon: 'none' })
    }
    void Taro.showToast({ title: '登记已提交', icon: 'success' })
    void Taro.redirectTo({ url: MINE_URL })
  }

  const setCohab = (i: number, patch: Partial<CheckinDraft['cohabitants'][number]>) =>
    set(
      'cohabitants',
      draft.cohabitants.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    )

  return (
    <View className='jf-page jf-checkin' id='jf-checkin' data-code={b.code}>
      <View className='jf-card jf-checkin-building' id='jf-checkin-building'>
        <Text className='jf-section-title'>{b.name}</Text>
        <Text className='jf-rental-notice'>
          {b.address}
          {'\n'}
          {b.path} · {b.gridName} · 楼栋长 {b.managerName}
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
                  <View key={r} className={`jf-rental-chip jf-checkin-room ${draft.room === r ? 'is-active' : ''}`} data-room={r} onClick={() => set('room', r)}>
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
        <Text className='jf-section-title jf-required'>真实姓名</Text>
        <View className='jf-rental-input' id='jf-checkin-name'>
          <Input value={draft.name} onChange={(v) => set('name', v)} placeholder='与证件上的姓名一致' maxLength={TENANT_NAME_MAX} />
        </View>
        <FieldError field='name' message={errors.name} />

        <Text className='jf-section-title jf-required'>证件类型</Text>
        <View className='jf-rental-chips' id='jf-checkin-doctypes'>
          {DOC_TYPES.map((t) => (
            <View key={t.key} className={`jf-rental-chip jf-checkin-doctype ${draft.docType === t.key ? 'is-active' : ''}`} data-doc-type={t.key} onClick={() => set('docType', t.key)}>
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>

        <Text className='jf-section-title jf-required'>证件号码</Text>
        <View className='jf-rental-input' id='jf-checkin-doc'>
          <Input value={draft.docNumber} onChange={(v) => set('docNumber', v)} placeholder={draft.docType === 'id_card' ? '18 位身份证号码' : '证件上的号码'} maxLength={20} />
        </View>
        <FieldError field='docNumber' message={docMessage} />

        <Text className='jf-section-title jf-required'>手机号码</Text>
        <View className='jf-rental-input' id='jf-checkin-phone'>
          <Input value={draft.phone} type='tel' onChange={(v) => set('phone', v)} placeholder='11 位手机号码' maxLength={13} />
        </View>
        <FieldError field='phone' message={errors.phone} />
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>入住日期</Text>
        <Picker mode='date' value={draft.moveInDate} onChange={(e) => set('moveInDate', String(e.detail.value))}>
          <View className='jf-rental-picker' id='jf-checkin-movein'>
            <Text>{draft.moveInDate}</Text>
          </View>
        </Picker>
        <FieldError field='moveInDate' message={errors.moveInDate} />
        <Text className='jf-section-title jf-required'>预计租约到期</Text>
        <Picker mode='date' value={draft.leaseEnd} start={draft.moveInDate} onChange={(e) => set('leaseEnd', String(e.detail.value))}>
          <View className='jf-rental-picker' id='jf-checkin-lease'>
            <Text>{draft.leaseEnd}</Text>
          </View>
        </Picker>
        <FieldError field='leaseEnd' message={errors.leaseEnd} />
      </View>

      <View className='jf-card' id='jf-checkin-cohabitants'>
        <Text className='jf-section-title'>
          同住人 <Text className='jf-muted'>（选填）</Text>
        </Text>
        {draft.cohabitants.map((c, i) => (
          <View key={i} className='jf-checkin-cohab' data-index={i}>
            <View className='jf-checkin-cohab-top'>
              <View className='jf-rental-input jf-checkin-cohab-name'>
                <Input value={c.name} onChange={(v) => setCohab(i, { name: v })} placeholder='同住人姓名' maxLength={TENANT_NAME_MAX} />
              </View>
              <Button className='jf-checkin-cohab-remove' size='small' fill='none' onClick={() => set('cohabitants', draft.cohabitants.filter((_, j) => j !== i))}>
                删除
              </Button>
            </View>
            <View className='jf-rental-chips'>
              {RELATIONS.map((r) => (
                <View key={r} className={`jf-rental-chip ${c.relation === r ? 'is-active' : ''}`} data-relation={r} onClick={() => setCohab(i, { relation: r })}>
                  <Text>{r}</Text>
                </View>
              ))}
            </View>
          </View>
        ))}
        <FieldError field='cohabitants' message={errors.cohabitants} />
        {draft.cohabitants.length < 10 && (
          <View className='jf-rental-field'>
            <Button id='jf-checkin-cohab-add' size='small' fill='outline' onClick={() => set('cohabitants', [...draft.cohabitants, { name: '', relation: '配偶' }])}>
              添加同住人
            </Button>
          </View>
        )}
      </View>

      <View className='jf-card' id='jf-checkin-consents'>
        <ConsentSwitch
          id='jf-consent-purpose'
          title='同意登记目的与保存期限'
          description='我已阅读上方说明，同意为出租屋实名登记处理我的个人信息'
          checked={draft.consentPurpose}
          onChange={(v) => set('consentPurpose', v)}
        />
        <FieldError field='consentPurpose' message={errors.consentPurpose} />
        <ConsentSwitch
          id='jf-consent-sensitive'
          title='单独同意处理敏感个人信息'
          description='证件号码属于敏感个人信息，仅用于实名登记和辖区派出所核查'
          checked={draft.consentSensitive}
          onChange={(v) => set('consentSensitive', v)}
        />
        <FieldError field='consentSensitive' message={errors.consentSensitive} />
      </View>

      <View className='jf-rental-submit'>
        <Button id='jf-checkin-submit' type='primary' block loading={busy} onClick={() => void submit()}>
          提交登记
        </Button>
      </View>

      <View className='jf-rental-more jf-checkin-misuse' id='jf-checkin-misuse' onClick={() => setMisuse(true)}>
        <Text>有人冒用我的证件？</Text>
      </View>
      <RentalMisuseSheet visible={misuse} buildingCode={b.code} onClose={() => setMisuse(false)} />
    </View>
  )
}

/** One of the two separate consents (PIPL): a cell whose switch carries the id the tests press. */
function ConsentSwitch(p: { id: string; title: string; description: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <CellGroup divider={false}>
      <Cell
        title={p.title}
        description={p.description}
        extra={
          <View id={p.id}>
            <Switch checked={p.checked} onChange={p.onChange} />
          </View>
        }
      />
    </CellGroup>
  )
}
