export default definePageConfig({
  navigationBarTitleText: '求助详情',
})
