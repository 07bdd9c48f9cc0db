/**
 * Stripe.js, loaded at run time from the address the settings give (Stripe's own, or the sandbox
 * emulator's stand-in), with one script tag per page however often it is asked for. Stripe asks
 * that it is always loaded from js.stripe.com, never bundled (https://docs.stripe.com/js/including).
 */

/** The part of Stripe.js's embedded Checkout the plugin uses (https://docs.stripe.com/js/embedded_checkout). */
export interface EmbeddedCheckout {
  mount(target: HTMLElement): void;
  destroy(): void;
}

export interface EmbeddedCheckoutOptions {
  fetchClientSecret: () => Promise<string>;
  onComplete?: () => void;
}

/** A Stripe instance: releases from dahlia name the method createEmbeddedCheckoutPage, older ones initEmbeddedCheckout. */
export interface StripeInstance {
  createEmbeddedCheckoutPage?: (options: EmbeddedCheckoutOptions) => Promise<EmbeddedCheckout>;
  initEmbeddedCheckout?: (options: EmbeddedCheckoutOptions) => Promise<EmbeddedCheckout>;
}

export type StripeJs = (publishableKey: string) => StripeInstance;

const loading = new Map<string, Promise<StripeJs>>();

export function loadStripeJs(doc: Document, url: string): Promise<StripeJs> {
  const win = doc.defaultView as (Window & { Stripe?: StripeJs }) | null;
  if (typeof win?.Stripe === "function") return Promise.resolve(win.Stripe);
  const pending = loading.get(url);
  if (pending !== undefined) return pending;
  const promise = new Promise<StripeJs>((resolve, reject) => {
    const script = doc.createElement("script");
    script.src = url;
    script.async = true;
    script.addEventListener("load", () =>
      typeof win?.Stripe === "function"
        ? resolve(win.Stripe)
        : reject(new Error("Stripe.js loaded without a Stripe function")),
    );
    script.addEventListener("error", () => {
      // A failed tag is dropped, so a later try (a fixed address, the network back) adds a new one.
      script.remove();
      loading.delete(url);
      reject(new Error(`Stripe.js could not be loaded from ${url}`));
    });
    doc.head.append(script);
  });
  loading.set(url, promise);
  return promise;
}

/**
 * Stripe.js's embedded Checkout: `createEmbeddedCheckoutPage` since the dahlia release, which made
 * the older `initEmbeddedCheckout` throw
 * (https://docs.stripe.com/changelog/dahlia/2026-03-25/rename-init-embedded-checkout-to-create-embedded-checkout-page);
 * an older release's address still works through the old name.
 */
export function createEmbeddedCheckout(
  stripe: StripeInstance,
  options: EmbeddedCheckoutOptions,
): Promise<EmbeddedCheckout> {
  if (typeof stripe.createEmbeddedCheckoutPage === "function") {
    return stripe.createEmbeddedCheckoutPage(options);
  }
  if (typeof stripe.initEmbeddedCheckout === "function")
    return stripe.initEmbeddedCheckout(options);
  return Promise.reject(new Error("this Stripe.js offers no embedded Checkout"));
}
