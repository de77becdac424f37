import { splitKey, type ApiIn, type ApiKey, type ApiOut } from '../contracts/api'
import type { Failure } from '../core/outcome'
import { isAnswer, unavailable } from './failures'
import type { Invoke, Transport, UploadResult } from './transport'

export interface Api {
  call<K extends ApiKey>(key: K, input: ApiIn<K>): Promise<ApiOut<K>>
  uploadPhoto(localPath: string): Promise<UploadResult>
}

export interface ApiOptions {
  /** Told about every UNAUTHENTICATED answer, so local mode can send the user to the role switcher. */
  onUnauthenticated?: () => void
}

/**
 * The app's single door to the functions. Pages get an answer, never an exception: transport
 * failures and malformed answers both come back as UNAVAILABLE, which the user may retry.
 */
export function createApi(transport: Transport, options: ApiOptions = {}): Api {
  const invoke: Invoke = async (name, event) => {
    let answer: unknown
    try {
      answer = await transport.invoke(name, event)
    } catch {
      return unavailable()
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
      } catch {
        return unavailable()
      }
    },
  }
}
