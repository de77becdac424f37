import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import AdminTable from '../../../components/AdminKit/AdminTable'
import type { PartnerKindCode, PartnerView } from '../../../contracts/integrations'
import { PARTNER_NAME_MAX, WEBHOOK_URL_MAX } from '../../../contracts/limits'
import TextField from './TextField'
import type { Refusal } from './useIntegrations'

const COPY: Record<PartnerKindCode, { id: string; title: string; help: string; nameHint: string; go: string; empty: string; when: string }> = {
  open311: {
    id: 'jf-int-keys',
    title: '接口密钥（Open311）',
    help: '按 Open311 标准对接的系统（如城市问题上报平台、第三方应用）凭接口密钥查询公开的事件、提交新的上报。每个对接系统发放一把密钥，密钥只在发放时显示一次；停用后立即失效。',
    nameHint: '对接系统名称',
    go: '发放密钥',
    empty: '尚未发放接口密钥。',
    when: '发放时间',
  },
  hotline: {
    id: 'jf-int-hotline',
    title: '12345 热线',
    help: '12345 热线平台派来的工单直接成为网格事件；受理、办结和回访结果由本系统签名后发回平台的接收地址。签名密钥只在添加时显示一次；停用后平台不能再派单，也不再回复。',
    nameHint: '平台名称',
    go: '添加平台',
    empty: '尚未添加 12345 热线平台。',
    when: '添加时间',
  },
}

/** One kind of partner that calls in: the form that adds one (its key or secret shown once) and the list with 停用. */
export default function PartnersTab(props: {
  kind: PartnerKindCode
  partners: PartnerView[] | null
  onAdd: (name: string, webhookUrl: string) => Promise<Refusal | null>
  onRevoke: (p: PartnerView) => void
}) {
  const { kind, onAdd, onRevoke } = props
  const copy = COPY[kind]
  const [name, setName] = useState('')
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const list = (props.partners ?? []).filter((p) => p.kind === kind)

  const add = async () => {
    if (busy) return
    setBusy(true)
    const r = await onAdd(name, url)
    setBusy(false)
    setRefusal(r)
    if (!r) {
      setName('')
      setUrl('')
    }
  }

  return (
    <View className='jf-ak-section' id={copy.id}>
      <Text className='jf-ak-title'>{copy.title}</Text>
      <Text className='jf-ak-help'>{copy.help}</Text>
      <View className='jf-ak-row jf-int-form'>
        <TextField id={`${copy.id}-name`} field={`${kind}-name`} label={copy.nameHint} maxLength={PARTNER_NAME_MAX} value={name} onChange={setName} error={refusal?.fields.name} />
        {kind === 'hotline' && (
          <TextField id={`${copy.id}-url`} field={`${kind}-url`} label='回复接收地址' wide placeholder='https://' maxLength={WEBHOOK_URL_MAX} value={url} onChange={setUrl} error={refusal?.fields.webhookUrl} />
        )}
        <button type='button' className='jf-btn jf-btn-primary' id={`${copy.id}-go`} disabled={busy} onClick={() => void add()}>
          {busy ? '正在提交…' : copy.go}
        </button>
      </View>
      {refusal && (
        <Text className='jf-ak-notice is-error' id={`${copy.id}-error`}>
          {refusal.text}
        </Text>
      )}
      {props.partners === null && <Text className='jf-ak-help'>正在加载…</Text>}
      {props.partners !== null && list.length === 0 && (
        <Text className='jf-ak-help' id={`${copy.id}-empty`}>
          {copy.empty}
        </Text>
      )}
      {list.length > 0 && (
        <AdminTable id={`${copy.id}-list`} head={kind === 'open311' ? ['名称', '密钥末四位', '管辖区编码', copy.when, '状态', '操作'] : ['名称', '回复接收地址', '管辖区编码', copy.when, '状态', '操作']}>
          {list.map((p) => (
            <tr key={p.id} className='jf-int-partner' data-id={p.id} data-revoked={p.revoked ? '1' : '0'}>
              <td>{p.name}</td>
              <td className={kind === 'open311' ? 'jf-int-hint' : 'jf-int-url'}>{kind === 'open311' ? `…${p.keyHint ?? ''}` : p.webhookUrl}</td>
              <td className='jf-int-nowrap'>
                {p.jurisdiction}（{p.jurisdictionName}）
              </td>
              <td className='jf-int-nowrap'>{p.created}</td>
              <td className='jf-int-nowrap'>
                <Text className={`jf-ak-tag ${p.revoked ? 'is-bad' : 'is-ok'}`}>{p.statusLabel}</Text>
                {p.revoked && <Text className='jf-int-when'>{p.revoked}</Text>}
              </td>
              <td>
                {!p.revoked && (
                  <button type='button' className='jf-btn jf-int-revoke' aria-label={`停用「${p.name}」`} onClick={() => onRevoke(p)}>
                    停用
                  </button>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </View>
  )
}
