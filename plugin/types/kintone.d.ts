// Types of the `kintone` global that kintone pages provide, as shipped by @kintone/dts-gen
// (a global declaration file: importing it for its side effect puts `kintone` in scope).
import "@kintone/dts-gen/kintone.d.ts";
