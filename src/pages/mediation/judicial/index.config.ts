export default definePageConfig({
  navigationBarTitleText: '司法确认申请书',
})
