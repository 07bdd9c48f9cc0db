/**
 * Records of an app that were paid through more than one session (two links paid before either
 * payment was known): each waits for a person to decide which payment to refund. Sessions whose
 * mapping allows repeat payments are bills of their own and do not count.
 */
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { Journal } from "../journal/Journal";
import { say, type DiagnosticsLanguage } from "./problemLanguage";

export async function paidTwiceProblems(
  journal: Journal,
  appId: string,
  help: string,
  language: DiagnosticsLanguage = "en",
): Promise<string[]> {
  return (await journal.sessions.findRecordsPaidMoreThanOnce(appId))
    .map(({ recordId, sessions }) => ({
      recordId,
      sessionIds: sessions
        .filter((s) => {
          const parsed = parseMappingConfig(s.mappingJson);
          return !(parsed.ok && parsed.mapping.allowRepeatPayment);
        })
        .map((s) => s.sessionId),
    }))
    .filter((entry) => entry.sessionIds.length > 1)
    .map(
      ({ recordId, sessionIds }) =>
        say(language, {
          en: `App ${appId}: record ${recordId} was paid more than once (sessions ${sessionIds.join(", ")}); decide which payment to refund in Stripe.`,
          ja: `アプリ ${appId}: レコード ${recordId} は二重に支払われています (セッション ${sessionIds.join(", ")})。Stripe でどの支払いを返金するか決めてください。`,
        }) + help,
    );
}
