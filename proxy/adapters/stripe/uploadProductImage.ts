import { randomUUID } from "node:crypto";
import { UpstreamError } from "../../errors/UpstreamError";
import type { PaymentGateway } from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { toUpstreamError } from "./toUpstreamError";

/** A product image: uploaded to the Files API, shown to buyers through a public file link. */
export async function uploadProductImage(
  { stripe, paced }: StripeAccess,
  image: Parameters<PaymentGateway["uploadProductImage"]>[0],
): Promise<{ url: string }> {
  const fileIdempotencyKey = `file-upload-${randomUUID()}`;
  const linkIdempotencyKey = `file-link-${randomUUID()}`;
  try {
    const file = await paced.files(() =>
      stripe.files.create(
        {
          purpose: "business_logo",
          file: { data: image.bytes, name: image.filename, type: image.contentType },
        },
        { idempotencyKey: fileIdempotencyKey },
      ),
    );
    const link = await paced.api(() =>
      stripe.fileLinks.create({ file: file.id }, { idempotencyKey: linkIdempotencyKey }),
    );
    if (!link.url) {
      throw new UpstreamError("stripe", `Stripe made no public link for file ${file.id}.`);
    }
    return { url: link.url };
  } catch (error) {
    throw toUpstreamError(error, `upload image "${image.filename}"`);
  }
}
