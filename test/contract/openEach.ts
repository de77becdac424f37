import type { Store } from '../../backend/ports'
import type { OpenedStore } from './fixtures'

/** Gives every test of the enclosing describe a freshly opened store (handed to `use`) and closes it after. */
export function openStoreForEachTest(open: () => Promise<OpenedStore>, use: (store: Store) => void): void {
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    const opened = await open()
    cleanup = opened.cleanup
    use(opened.store)
  })
  afterEach(async () => {
    await cleanup()
  })
}
