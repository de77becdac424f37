export default definePageConfig({
  navigationBarTitleText: '工作人员与邀请',
  // A desk page (H5 only): its DeskHeader is the title bar, with the way back; Taro draws none.
  navigationStyle: 'custom',
})
