import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import { boardUrl, codeFromQuery } from '../../../utils/grid/links'
import type { GridView } from '../../../contracts/api'
import './index.css'
import TextBox, { editing } from '../../../components/TextBox'

type Source = 'location' | 'search'

/**
 * 找我的网格: by the phone's position, or by typing an estate / community / street name. A scanned
 * street-board QR (?code=, scene=, q=) skips the search and opens that grid's board.
 */
export default function FindGrid() {
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

  const show = (r: { ok: true; grids: GridView[]; why: string | null } | { ok: false; code: string; message: string }, from: Source) => {
    setSource(from)
    if (!r.ok) {
      setGrids(null)
      setWhy(null)
      setError(r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message)
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

  if (scanned) return <View className='jf-page jf-center'>正在打开网格公示牌…</View>

  return (
    <View className='jf-page jf-gfind' id='jf-grid-find'>
      <View className='jf-card jf-gfind-card'>
        <Text className='jf-section-title'>找到我所在的网格</Text>
        <Text className='jf-muted jf-gfind-help'>每个网格都有专属网格员，加入网格服务群可以收到社区通知、随时找到网格员。</Text>
        <View className='jf-gfind-locate'>
          <Button id='jf-grid-locate' type='primary' block loading={locating} onClick={() => void locate()}>
            使用当前位置
          </Button>
        </View>
        <View className='jf-gfind-or'>
          <Text className='jf-muted'>或按名称搜索</Text>
        </View>
        <View className='jf-gfind-row'>
          <TextBox id='jf-grid-search' className='jf-gfind-input' value={q} onChange={editing(setQ, error, setError)} onConfirm={() => void search()} placeholder='小区、社区或街道名称，如 云景' maxLength={30} confirmType='search' />
          <Button id='jf-grid-search-go' loading={searching} onClick={() => void search()}>
            搜索
          </Button>
        </View>
        {error && (
          <Text className='jf-gfind-error' id='jf-grid-find-error'>
            {error}
          </Text>
        )}
      </View>

      {grids && (
        <View className='jf-card jf-gfind-results' id='jf-grid-results' data-source={source ?? ''} data-count={grids.length}>
          {why && (
            <View className='jf-gfind-why' id='jf-grid-why'>
              <Text className='jf-gfind-why-text'>{why}</Text>
              {grids.length === 1 && !why.includes(grids[0].path) && <Text className='jf-muted'>{grids[0].path}</Text>}
            </View>
          )}
          {!grids.length && (
            <Text className='jf-center jf-gfind-none' id='jf-grid-none'>
              {source === 'location' ? '您的位置不在已划分的服务网格内，请按名称搜索' : '没有找到相关网格，换个名称试试'}
            </Text>
          )}
          {grids.map((g) => (
            <View key={g.code} className='jf-grid-result' data-code={g.code} onClick={() => open(g)}>
              <View className='jf-gfind-result-main'>
                <Text className='jf-gfind-result-name'>{g.name}</Text>
                <Text className='jf-muted'>{g.path}</Text>
              </View>
              <Text className='jf-gfind-result-go'>公示牌 ›</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
