import path from "node:path";
import { ESLint } from "eslint";

const repoRoot = path.resolve(__dirname, "../..");

it("probe", async () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(`import Stripe from "stripe";\nexport const s = Stripe;\n`, {
    filePath: "proxy/usecases/planted.ts",
  });
  console.log(JSON.stringify(result?.messages));
});
