/**
 * The gateway's product image uploads: the real stripe SDK against the
 * sandbox's Stripe emulator.
 */
import { useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway } = useGatewayTestKit();

describe("uploadProductImage", () => {
  it("uploads to the emulator's Files API and returns a public link to the same bytes", async () => {
    const bytes = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2, 3, 4]);

    const { url } = await gateway().uploadProductImage({
      bytes,
      filename: "tiny.gif",
      contentType: "image/gif",
    });

    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/files",
      "POST /v1/file_links",
    ]);
    expect(emulator.state.files[0]).toMatchObject({
      purpose: "business_logo",
      filename: "tiny.gif",
    });
    const served = await fetch(url);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
  });
});
