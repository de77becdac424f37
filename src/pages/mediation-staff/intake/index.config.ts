export default definePageConfig({
  navigationBarTitleText: '录入纠纷',
})
