export default definePageConfig({
  navigationBarTitleText: '找我的网格',
})
