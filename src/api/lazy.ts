import type { Transport } from './transport'

/** A transport whose real implementation is loaded on first use (and loaded again if that failed). */
export function lazyTransport(load: () => Promise<Transport>): Transport {
  let pending: Promise<Transport> | null = null
  const get = () =>
    (pending ??= load().catch((e) => {
      pending = null
      throw e
    }))
  return {
    invoke: async (name, event) => (await get()).invoke(name, event),
    uploadPhoto: async (localPath, call) => (await get()).uploadPhoto(localPath, call),
  }
}
