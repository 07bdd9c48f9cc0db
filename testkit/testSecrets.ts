/**
 * The one webhook signing secret of the test suites: made up, never a real endpoint's. It keeps
 * Stripe's `whsec_` shape so the leak and redaction tests recognise it wherever it could appear.
 */
export const TEST_WEBHOOK_SECRET = "whsec_testkitFakeNotARealSecret0123";
