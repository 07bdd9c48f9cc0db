/**
 * A file given as a product image is not an image we can turn into one Stripe accepts. Not an
 * `AppError`: the caller knows which record and field it came from and reports it as such
 * (e.g. a `VALIDATION_FAILED` detail).
 */
export class NotAnImageError extends Error {
  readonly filename: string;

  constructor(filename: string, reason: string) {
    super(`"${filename}" is not a usable image: ${reason}`);
    this.name = "NotAnImageError";
    this.filename = filename;
  }
}
