export default definePageConfig({
  navigationBarTitleText: '代为一键求助',
})
