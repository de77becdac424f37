import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import type { AccountExport } from '../../../contracts/account'
import { downloadText } from '../../../utils/download-file'

/**
 * Everything we hold about the caller, read once when the page opens (each read is an audited
 * export), and the same as a JSON file: sent to a chat in the mini-program, downloaded in H5.
 */
export function useExport() {
  const [data, setData] = useState<AccountExport | null>(null)
  const [error, setError] = useState('')
  /** Whether the failed load may pass if sent again (a lost network, a busy server): only then 重试. */
  const [retryable, setRetryable] = useState(false)
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    setError('')
    const r = await api.call('account.export', {})
    if (r.ok) setData(r.export)
    else {
      setError(r.message)
      setRetryable(r.retryable === true)
    }
  }, [])
  useEffect(() => void load(), [load])

  const saveFile = async () => {
    if (!data || saving) return
    if (process.env.TARO_ENV !== 'weapp') {
      downloadText(data.fileName, data.json, 'application/json;charset=utf-8')
      return
    }
    setSaving(true)
    try {
      const filePath = `${Taro.env.USER_DATA_PATH}/${data.fileName}`
      Taro.getFileSystemManager().writeFileSync(filePath, data.json, 'utf8')
      await Taro.shareFileMessage({ filePath, fileName: data.fileName })
    } catch (e) {
      // Closing the chat picker is a "fail cancel", not an error worth a message.
      const msg = String((e as { errMsg?: string })?.errMsg ?? '')
      if (!/cancel/i.test(msg)) void Taro.showToast({ title: '导出失败，请稍后重试', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return { data, error, retryable, load, saving, saveFile }
}
