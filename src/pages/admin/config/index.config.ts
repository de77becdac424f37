export default definePageConfig({
  navigationBarTitleText: '区级配置',
})
