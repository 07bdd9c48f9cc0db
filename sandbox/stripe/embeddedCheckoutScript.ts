/**
 * The emulator's stand-in for Stripe.js, so a record screen can open an embedded session with no
 * internet: `GET /_emulator/stripe.js` defines `window.Stripe(publishableKey)` with the embedded
 * Checkout subset the plugin uses (https://docs.stripe.com/js/embedded_checkout):
 * `createEmbeddedCheckoutPage({ fetchClientSecret })` (the dahlia name; the older
 * `initEmbeddedCheckout` throws, as Stripe.js from dahlia on does:
 * https://docs.stripe.com/changelog/dahlia/2026-03-25/rename-init-embedded-checkout-to-create-embedded-checkout-page)
 * → `.mount(element)` / `.destroy()`. Mounting puts the emulator's checkout page of the session
 * (`/c/pay/<client_secret>`) in an iframe. Like Stripe.js, `Stripe()` throws an IntegrationError
 * for anything but a publishable key, a secret one above all; the emulator being a test-mode
 * account, a live key is refused too. When the buyer has paid in the frame, the whole page goes
 * on to the session's return_url, as Stripe does by default (`redirect_on_completion: always`);
 * with `if_required` a card payment (and with `never` any payment) ends in the frame and the
 * `onComplete` option is called instead, as Stripe.js does:
 * https://docs.stripe.com/payments/checkout/custom-redirect-behavior
 * https://docs.stripe.com/js/embedded_checkout/init
 *
 * `GET /_emulator/embedded_checkout/<client_secret>` tells the stand-in the session's state; the
 * client secret is all it needs, as it is all Stripe.js has.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "./EmulatorContext";
import { sendJson } from "./http/ApiRequestHandler";
import { completesInPlace } from "./resources/redirectOnCompletion";

export const STRIPE_JS_PATH = "/_emulator/stripe.js";
const SESSION_STATE_PREFIX = "/_emulator/embedded_checkout/";

export function isEmbeddedCheckoutPath(path: string): boolean {
  return path === STRIPE_JS_PATH || path.startsWith(SESSION_STATE_PREFIX);
}

export function handleEmbeddedCheckout(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  context: EmulatorContext,
): void {
  // Read from the record screen's origin: Stripe's own scripts are cross-origin too.
  const cors = { "Access-Control-Allow-Origin": "*" };
  if (request.method !== "GET") {
    sendJson(response, 405, { error: { message: "GET only" } }, cors);
    return;
  }
  if (path === STRIPE_JS_PATH) {
    const script = standInScript(context.config.publicBaseUrl);
    response.writeHead(200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-store",
      ...cors,
    });
    response.end(script);
    return;
  }
  let secret = "";
  try {
    secret = decodeURIComponent(path.slice(SESSION_STATE_PREFIX.length));
  } catch {
    // a malformed escape names no session
  }
  const id = secret.includes("_secret_") ? secret.slice(0, secret.indexOf("_secret_")) : "";
  const session = context.store.sessions.get(id);
  if (session === undefined || session.client_secret !== secret) {
    sendJson(response, 404, { error: { message: "No such client secret." } }, cors);
    return;
  }
  const paymentIntent = session.payment_intent
    ? context.store.paymentIntents.get(session.payment_intent)
    : undefined;
  const paidWith = paymentIntent?.payment_method_types[0] ?? null;
  sendJson(
    response,
    200,
    {
      id: session.id,
      status: session.status,
      return_url: session.return_url ?? null,
      completes_in_place: completesInPlace(session.redirect_on_completion, paidWith),
    },
    cors,
  );
}

/** The stand-in itself: plain ES2017, no imports, the emulator's origin written in. */
export function standInScript(origin: string): string {
  return `(function () {
  "use strict";
  var ORIGIN = ${JSON.stringify(origin)};
  function integrationError(message) {
    var error = new Error(message);
    error.name = "IntegrationError";
    return error;
  }
  var active = false;
  function checkoutFor(secret, onComplete) {
    var frame = null;
    var loads = 0;
    var destroyed = false;
    function afterSubmit() {
      fetch(ORIGIN + "/_emulator/embedded_checkout/" + encodeURIComponent(secret))
        .then(function (answer) { return answer.json(); })
        .then(function (session) {
          if (destroyed || session.status !== "complete") return;
          if (session.completes_in_place) {
            if (typeof onComplete === "function") onComplete();
            return;
          }
          if (!session.return_url) return;
          window.location.assign(session.return_url.replace(/\\{CHECKOUT_SESSION_ID\\}/g, session.id));
        })
        .catch(function () { /* the frame still shows what happened */ });
    }
    return {
      mount: function (target) {
        var element = typeof target === "string" ? document.querySelector(target) : target;
        if (!element) throw integrationError("The selector you specified (" + target + ") applies to no DOM elements.");
        if (frame) throw integrationError("This embedded Checkout is already mounted.");
        frame = document.createElement("iframe");
        frame.src = ORIGIN + "/c/pay/" + encodeURIComponent(secret);
        frame.title = "Secure checkout";
        frame.name = "embedded-checkout";
        frame.allow = "payment *";
        frame.addEventListener("load", function () {
          loads += 1;
          if (loads > 1) afterSubmit();
        });
        element.appendChild(frame);
      },
      unmount: function () {
        if (frame) frame.remove();
        frame = null;
        loads = 0;
      },
      destroy: function () {
        this.unmount();
        destroyed = true;
        active = false;
      }
    };
  }
  function createEmbeddedCheckoutPage(options) {
    if (!options || typeof options.fetchClientSecret !== "function") {
      return Promise.reject(integrationError("createEmbeddedCheckoutPage: fetchClientSecret is required."));
    }
    if (active) return Promise.reject(integrationError("You cannot have multiple embedded Checkout objects."));
    active = true;
    return Promise.resolve(options.fetchClientSecret()).then(function (secret) {
      if (typeof secret !== "string" || secret.indexOf("_secret_") < 0) {
        active = false;
        throw integrationError("fetchClientSecret must resolve with the client secret of a Checkout Session.");
      }
      return checkoutFor(secret, options.onComplete);
    }, function (error) {
      active = false;
      throw error;
    });
  }
  function Stripe(key) {
    if (typeof key !== "string" || key === "") {
      throw integrationError("Please call Stripe() with your publishable key. You used an empty string.");
    }
    if (/^(sk|rk)_/.test(key)) {
      throw integrationError("You should not use your secret key with Stripe.js. Please pass a publishable key instead.");
    }
    if (/^pk_live_/.test(key)) {
      throw integrationError("The Stripe emulator is a test-mode account: use a pk_test_ key.");
    }
    if (!/^pk_test_[A-Za-z0-9]+$/.test(key)) {
      throw integrationError("Invalid API Key provided: " + key.slice(0, 8) + "…");
    }
    return {
      createEmbeddedCheckoutPage: createEmbeddedCheckoutPage,
      initEmbeddedCheckout: function () {
        throw integrationError("stripe.initEmbeddedCheckout() was renamed stripe.createEmbeddedCheckoutPage().");
      }
    };
  }
  window.Stripe = Stripe;
})();
`;
}
