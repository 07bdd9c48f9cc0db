import { alignColumns, renderStartBanner } from "../startBanner";

const input = {
  kintoneUrl: "http://localhost:3100",
  dashboardUrl: "http://localhost:12111/dashboard",
  proxyUrl: "http://localhost:3000",
  productsList: "http://localhost:3100/k/1/",
  ordersList: "http://localhost:3100/k/2/",
  pluginSettings: (appId: string) => `http://localhost:3100/k/admin/app/${appId}/plugin/config`,
  proxySecret: "secret",
  dataDirLabel: ".sandbox-data/",
  restored: false,
};

describe("npm start's banner", () => {
  it("lines up the table's columns whatever the addresses", () => {
    const lines = renderStartBanner(input)
      .split("\n")
      .filter((line) => /^ {2}(kintone|Stripe|Proxy) /.test(line));
    expect(lines).toHaveLength(3);
    const urlStarts = lines.map((line) => line.indexOf("http"));
    const descriptionStarts = lines.map((line) => line.search(/sample apps|the Stripe|the proxy,/));
    expect(new Set(urlStarts).size).toBe(1);
    expect(new Set(descriptionStarts).size).toBe(1);
  });

  it("says where the sandbox remembers and how to start fresh", () => {
    expect(renderStartBanner(input)).toContain(
      "kept in .sandbox-data/ across restarts. Start fresh: npm start -- --reset",
    );
    expect(renderStartBanner({ ...input, restored: true })).toContain("came back as you left it");
  });

  it("pads every column but the last", () => {
    expect(
      alignColumns([
        ["a", "bb", "c"],
        ["ccc", "d", "e"],
      ]),
    ).toEqual(["  a    bb  c", "  ccc  d   e"]);
  });

  it("counts a Japanese character as two columns, as a terminal shows it", () => {
    expect(
      alignColumns([
        ["商品", "x"],
        ["Orders", "y"],
      ]),
    ).toEqual(["  商品    x", "  Orders  y"]);
  });
});
