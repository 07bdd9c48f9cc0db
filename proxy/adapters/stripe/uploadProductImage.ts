import { randomUUID } from "node:crypto";
import { UpstreamError } from "../../errors/UpstreamError";
import type { PaymentGateway } from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { toUpstreamError } from "./toUpstreamError";

/**
 * A product image: uploaded to the Files API with its public file link made in the same request
 * (`file_link_data[create]`), so an image costs one round trip, not two.
 * https://docs.stripe.com/api/files/create#create_file-file_link_data
 */
export async function uploadProductImage(
  { stripe, paced }: StripeAccess,
  image: Parameters<PaymentGateway["uploadProductImage"]>[0],
): Promise<{ url: string }> {
  const idempotencyKey = `file-upload-${randomUUID()}`;
  try {
    const file = await paced.files(() =>
      stripe.files.create(
        {
          purpose: "business_logo",
          file: { data: image.bytes, name: image.filename, type: image.contentType },
          file_link_data: { create: true },
        },
        { idempotencyKey },
      ),
    );
    const url = file.links?.data[0]?.url;
    if (!url) {
      throw new UpstreamError("stripe", `Stripe made no public link for file ${file.id}.`);
    }
    return { url };
  } catch (error) {
    throw toUpstreamError(error, `upload image "${image.filename}"`);
  }
}
