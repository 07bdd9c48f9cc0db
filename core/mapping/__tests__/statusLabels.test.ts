import { parseMappingConfig } from "../parseMappingConfig";
import { duplicateLabelProblems, labelFor, stateFromLabel } from "../statusLabels";

const labelled = {
  statusLabels: {
    status: { open: "受付中", expired: "期限切れ" },
    paymentStatus: { unpaid: "未決済", paid: "入金済み" },
  },
};

describe("labelFor", () => {
  it("gives the app's option text for a labelled state", () => {
    expect(labelFor(labelled, "paymentStatus", "paid")).toBe("入金済み");
    expect(labelFor(labelled, "status", "expired")).toBe("期限切れ");
  });

  it("gives the code for a state without a label, and without any labels", () => {
    expect(labelFor(labelled, "paymentStatus", "refunded")).toBe("refunded");
    expect(labelFor({}, "status", "complete")).toBe("complete");
    expect(labelFor(undefined, "status", "open")).toBe("open");
  });
});

describe("stateFromLabel", () => {
  it("reads a label back as its state", () => {
    expect(stateFromLabel(labelled, "paymentStatus", "入金済み")).toBe("paid");
    expect(stateFromLabel(labelled, "status", " 受付中 ")).toBe("open");
  });

  it("reads a code as its state too", () => {
    expect(stateFromLabel(labelled, "paymentStatus", "paid")).toBe("paid");
    expect(stateFromLabel({}, "paymentStatus", "disputed")).toBe("disputed");
  });

  it("prefers a label over a code another state's label spells", () => {
    const swapped = { statusLabels: { paymentStatus: { unpaid: "paid", paid: "済" } } };
    expect(stateFromLabel(swapped, "paymentStatus", "paid")).toBe("unpaid");
  });

  it("knows no state for other texts", () => {
    expect(stateFromLabel(labelled, "paymentStatus", "whatever")).toBeUndefined();
    expect(stateFromLabel(labelled, "status", "")).toBeUndefined();
  });
});

describe("duplicateLabelProblems", () => {
  it("names the second state of a drop-down sharing a label", () => {
    expect(duplicateLabelProblems({ paymentStatus: { paid: "済", refunded: "済" } })).toEqual([
      {
        path: "statusLabels.paymentStatus.refunded",
        message: '"済" is the text of both paid and refunded: each state needs its own option',
      },
    ]);
  });

  it("names the labelled state when a label spells another state's code", () => {
    const problems = duplicateLabelProblems({ status: { open: "expired" } });
    expect(problems.map((p) => p.path)).toEqual(["statusLabels.status.open"]);
  });

  it("finds nothing for distinct labels, and the same text in the two drop-downs is fine", () => {
    expect(duplicateLabelProblems(labelled.statusLabels)).toEqual([]);
    expect(
      duplicateLabelProblems({
        status: { expired: "期限切れ" },
        paymentStatus: { failed: "期限切れ" },
      }),
    ).toEqual([]);
    expect(duplicateLabelProblems(undefined)).toEqual([]);
  });
});

describe("parseMappingConfig with statusLabels", () => {
  const base = {
    version: 1,
    source: { type: "records" },
    grouping: "single",
    lineItem: { name: { field: "name" }, unitPrice: { field: "price" } },
    currency: "JPY",
    successUrl: "https://shop.example.com/thanks",
    writeBack: { paymentStatus: "pay_status" },
  };

  it("refuses two states with the same label in one drop-down", () => {
    const result = parseMappingConfig(
      JSON.stringify({ ...base, statusLabels: { paymentStatus: { paid: "済", refunded: "済" } } }),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [{ path: "statusLabels.paymentStatus.refunded" }],
    });
  });

  it("takes distinct labels", () => {
    expect(parseMappingConfig(JSON.stringify({ ...base, ...labelled })).ok).toBe(true);
  });
});
