export default definePageConfig({
  navigationBarTitleText: '加入调解',
})
