import type { Store } from '../../backend/ports'
import type { OpenedStore } from './fixtures'

/**
 * Gives every test of the enclosing describe a freshly opened store and closes it after. The
 * returned store stands for whichever one the running test opened, so suites hold it in a const.
 */
export function storeForEachTest(open: () => Promise<OpenedStore>): Store {
  let current: OpenedStore | undefined
  beforeEach(async () => {
    current = await open()
  })
  afterEach(async () => {
    await current?.cleanup()
    current = undefined
  })
  const live = (): object => {
    if (!current) throw new Error('the contract store is open only inside a test')
    return current.store
  }
  // Reflection (keys, prototype) reaches the live store too: suites check the port's surface.
  return new Proxy({} as Store, {
    get(_target, key) {
      const v = Reflect.get(live(), key)
      return typeof v === 'function' ? v.bind(live()) : v
    },
    has: (_target, key) => Reflect.has(live(), key),
    ownKeys: () => Reflect.ownKeys(live()),
    getOwnPropertyDescriptor: (_target, key) => {
      const d = Reflect.getOwnPropertyDescriptor(live(), key)
      return d && { ...d, configurable: true }
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(live()),
  })
}
