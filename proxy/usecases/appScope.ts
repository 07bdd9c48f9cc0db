/**
 * Moved to proxy/sessions/appScope.ts; kept only while proxy/http/appBinding.ts still imports it
 * from here. Delete once that import names ../sessions/appScope.
 */
export type { AppScope } from "../sessions/appScope";
