export default definePageConfig({
  navigationBarTitleText: '消防安全巡查',
})
