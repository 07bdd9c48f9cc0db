/**
 * The gateway's product image uploads: the real stripe SDK against the
 * sandbox's Stripe emulator.
 */
import { useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway } = useGatewayTestKit();

describe("uploadProductImage", () => {
  it("uploads to the Files API with its public link in one request, a link to the same bytes", async () => {
    const bytes = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 2, 3, 4]);

    const { url } = await gateway().uploadProductImage({
      bytes,
      filename: "tiny.gif",
      contentType: "image/gif",
    });

    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/files"]);
    expect(emulator.state.fileLinks).toHaveLength(1);
    expect(emulator.state.files[0]).toMatchObject({
      purpose: "business_logo",
      filename: "tiny.gif",
    });
    const served = await fetch(url);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
  });
});
