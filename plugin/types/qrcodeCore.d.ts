// The qrcode library's encoder alone (https://github.com/soldair/node-qrcode, lib/core/qrcode.js):
// the plugin draws the modules itself, so the canvas and string renderers of the package's
// browser entry are not bundled. Its `create` is the one the package's own typings describe.
declare module "qrcode/lib/core/qrcode" {
  export { create } from "qrcode";
}
