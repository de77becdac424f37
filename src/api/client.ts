import { splitKey, type ApiIn, type ApiKey, type ApiOut } from '../contracts/api'
import type { Failure } from '../core/outcome'
import { isAnswer, thrownFailure, unavailable } from './failures'
import type { Invoke, Transport, UploadResult } from './transport'

export interface Api {
  call<K extends ApiKey>(key: K, input: ApiIn<K>): Promise<ApiOut<K>>
  uploadPhoto(localPath: string): Promise<UploadResult>
}

export interface ApiOptions {
  /** Told about every UNAUTHENTICATED answer, so local mode can send the user to the role switcher. */
  onUnauthenticated?: () => void
  /** Whether the phone has no network now (wx.getNetworkType, navigator.onLine): tells a lost network from server trouble. */
  isOffline?: () => boolean | Promise<boolean>
}

/** The browser's own word on the network; unknown (a mini-program, Node) counts as online. */
function browserOffline(): boolean {
  return typeof navigator !== 'undefined' && (navigator as { onLine?: boolean }).onLine === false
}

/**
 * The app's single door to the functions. Pages get an answer, never an exception: transport
 * failures and malformed answers both come back as UNAVAILABLE, which the user may retry, in
 * words that tell a lost network (网络不可用，请检查网络后重试) from server trouble
 * (服务暂时不可用，请稍后再试). Pages show the failure's message as it is.
 */
export function createApi(transport: Transport, options: ApiOptions = {}): Api {
  const offline = async (): Promise<boolean> => {
    try {
      return await (options.isOffline ?? browserOffline)()
    } catch {
      return false
    }
  }
  const thrown = async (err: unknown) => thrownFailure(err, await offline())
  const invoke: Invoke = async (name, event) => {
    let answer: unknown
    try {
      answer = await transport.invoke(name, event)
    } catch (err) {
      return thrown(err)
    }
    if (!isAnswer(answer)) return unavailable()
    if (!answer.ok && (answer as Failure).code === 'UNAUTHENTICATED') options.onUnauthenticated?.()
    return answer
  }

  return {
    async call<K extends ApiKey>(key: K, input: ApiIn<K>): Promise<ApiOut<K>> {
      const { name, action } = splitKey(key)
      return (await invoke(name, { action, data: input })) as ApiOut<K>
    },
    async uploadPhoto(localPath: string): Promise<UploadResult> {
      try {
        const r = await transport.uploadPhoto(localPath, invoke)
        return isAnswer(r) ? r : unavailable()
      } catch (err) {
        return thrown(err)
      }
    },
  }
}
