import type Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { startWithClient, stripeErrorOf, TEST_KEY } from "./emulatorClient";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startWithClient());
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
function png(size = 64): Buffer {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from(PNG_SIGNATURE).copy(bytes);
  return bytes;
}
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const GIF = Buffer.from("GIF89a-rest-of-it", "latin1");

function upload(
  data: Buffer,
  name: string,
  purpose: Stripe.FileCreateParams.Purpose = "business_logo",
) {
  return stripe.files.create({ purpose, file: { data, name, type: "application/octet-stream" } });
}

describe("POST /v1/files", () => {
  it("uploads a business_logo as multipart and detects its type from the bytes", async () => {
    for (const [data, type] of [
      [png(), "png"],
      [JPEG, "jpg"],
      [GIF, "gif"],
    ] as const) {
      const file = await upload(data, "logo.bin");
      expect(file).toMatchObject({
        object: "file",
        purpose: "business_logo",
        size: data.length,
        type,
        filename: "logo.bin",
      });
      expect(file.id).toMatch(/^file_/);
    }
    const files = await stripe.files.list({ purpose: "business_logo" });
    expect(files.data.map((f) => f.type)).toEqual(["gif", "jpg", "png"]);
  });

  it("refuses a business_logo that is not JPEG, PNG or GIF", async () => {
    const error = await stripeErrorOf(upload(Buffer.from("%PDF-1.4 hello"), "logo.png"));
    expect(error).toMatchObject({
      statusCode: 400,
      param: "file",
      type: "StripeInvalidRequestError",
    });
  });

  it("accepts 512 KB and refuses a business_logo over 512 KB", async () => {
    await expect(upload(png(512 * 1024), "max.png")).resolves.toMatchObject({ size: 512 * 1024 });
    const error = await stripeErrorOf(upload(png(512 * 1024 + 1), "big.png"));
    expect(error).toMatchObject({ statusCode: 400, param: "file" });
  });

  it("refuses an unknown purpose and a missing file", async () => {
    expect(await stripeErrorOf(upload(png(), "a.png", "selfie_art" as never))).toMatchObject({
      param: "purpose",
    });
    // stripe-node cannot even send a multipart body without a file, so this one goes raw.
    const form = new FormData();
    form.append("purpose", "business_logo");
    const response = await fetch(`${emulator.url}/v1/files`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TEST_KEY}` },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { type: "invalid_request_error", code: "parameter_missing", param: "file" },
    });
  });

  it("retrieves a file and serves its contents to an authenticated GET", async () => {
    const data = png(100);
    const file = await upload(data, "logo.png");
    await expect(stripe.files.retrieve(file.id)).resolves.toMatchObject({ id: file.id, size: 100 });
    const response = await fetch(file.url as string, {
      headers: { Authorization: `Bearer ${TEST_KEY}` },
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true);
  });
});

describe("POST /v1/file_links", () => {
  it("creates a link whose public url serves the bytes without a key", async () => {
    const data = png(80);
    const file = await upload(data, "logo.png");
    const link = await stripe.fileLinks.create({ file: file.id, metadata: { recordId: "1" } });
    expect(link).toMatchObject({
      object: "file_link",
      file: file.id,
      expired: false,
      metadata: { recordId: "1" },
    });
    expect(link.id).toMatch(/^link_/);
    const response = await fetch(link.url as string);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true);
  });

  it("creates the link with the upload through file_link_data", async () => {
    const file = await stripe.files.create({
      purpose: "business_logo",
      file: { data: JPEG, name: "a.jpg", type: "image/jpeg" },
      file_link_data: { create: true },
    });
    expect(file.links?.data).toHaveLength(1);
    const response = await fetch(file.links?.data[0]?.url as string);
    expect(response.status).toBe(200);
  });

  it("stops serving a link once it expired in emulator time", async () => {
    const file = await upload(png(), "logo.png");
    const link = await stripe.fileLinks.create({ file: file.id, expires_at: emulator.now() + 60 });
    expect((await fetch(link.url as string)).status).toBe(200);
    await emulator.advanceClock(61);
    expect((await fetch(link.url as string)).status).toBe(404);
    await expect(stripe.fileLinks.retrieve(link.id)).resolves.toMatchObject({ expired: true });
  });

  it("refuses a link to a file whose purpose cannot be shared", async () => {
    const file = await upload(JPEG, "passport.jpg", "identity_document");
    const error = await stripeErrorOf(stripe.fileLinks.create({ file: file.id }));
    expect(error).toMatchObject({ statusCode: 400, param: "file" });
  });

  it("refuses an unknown file", async () => {
    expect(await stripeErrorOf(stripe.fileLinks.create({ file: "file_nope" }))).toMatchObject({
      code: "resource_missing",
      param: "file",
      statusCode: 400,
    });
  });
});
