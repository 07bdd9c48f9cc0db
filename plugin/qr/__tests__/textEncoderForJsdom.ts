// jsdom's window lacks TextEncoder, which every browser has and the qrcode library uses.
import { TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder });
