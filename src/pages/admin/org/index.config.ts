export default definePageConfig({
  navigationBarTitleText: '单位与网格',
})
