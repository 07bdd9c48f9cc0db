/**
 * Moved to proxy/sessions/sessionView.ts; kept only while createCheckouts.ts and the reliability
 * tests still import it from here. Delete once their imports name proxy/sessions/sessionView.
 */
export { METADATA_APP_ID, recordIdsFromMetadata, recordIdsMetadata } from "../sessions/sessionView";
