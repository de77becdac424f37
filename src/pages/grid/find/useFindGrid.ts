import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { GridView } from '../../../contracts/api'
import { boardUrl, codeFromQuery } from '../../../utils/grid/links'

type Source = 'location' | 'search'
type Found = { ok: true; grids: GridView[]; why: string | null } | { ok: false; code: string; message: string }

/** The find page's state: a scanned code to forward, or the grids found by position or by name. */
export function useFindGrid() {
  const { params } = useRouter()
  const scanned = codeFromQuery(params)
  const [q, setQ] = useState('')
  const [grids, setGrids] = useState<GridView[] | null>(null)
  const [why, setWhy] = useState<string | null>(null)
  const [source, setSource] = useState<Source | null>(null)
  const [locating, setLocating] = useState(false)
  const [searching, setSearching] = useState(false)
  const [error, setError] = useState('')

  useEffect(() => {
    // Replace this page so 返回 from the board goes where the resident came from, not to an empty search.
    if (scanned) void Taro.redirectTo({ url: boardUrl(scanned) })
  }, [scanned])

  const show = (r: Found, from: Source) => {
    setSource(from)
    if (!r.ok) {
      setGrids(null)
      setWhy(null)
      setError(r.message)
      return
    }
    setError('')
    setGrids(r.grids)
    setWhy(r.why)
  }

  const locate = async () => {
    if (locating) return
    setLocating(true)
    setError('')
    try {
      // The grid polygons are stored in WGS-84.
      const pos = await Taro.getLocation({ type: 'wgs84' })
      show(await api.call('grid.find', { lng: pos.longitude, lat: pos.latitude }), 'location')
    } catch {
      setSource('location')
      setGrids(null)
      setWhy(null)
      setError('无法获取当前位置，请检查定位权限，或输入小区、社区名称搜索')
    } finally {
      setLocating(false)
    }
  }

  const search = async () => {
    const text = q.trim()
    if (!text) {
      setError('请输入小区、社区或街道名称')
      return
    }
    if (searching) return
    setSearching(true)
    setError('')
    show(await api.call('grid.find', { q: text }), 'search')
    setSearching(false)
  }

  const open = (g: GridView) => void Taro.navigateTo({ url: boardUrl(g.code) })

  return { scanned, q, setQ, grids, why, source, locating, searching, error, setError, locate, search, open }
}
