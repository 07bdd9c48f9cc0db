import { mappingWriteBackFields } from "../mappingWriteBackFields";

const writeBack = { status: "status", paymentStatus: "pay_status", sessionId: "session_id" };

describe("mappingWriteBackFields", () => {
  it("writes the app's option texts for labelled states", () => {
    const fields = mappingWriteBackFields(
      {
        writeBack,
        statusLabels: {
          status: { complete: "完了" },
          paymentStatus: { paid: "入金済み" },
        },
      },
      { sessionId: "cs_1", status: "complete", paymentStatus: "paid" },
    );
    expect(fields).toEqual({
      session_id: { value: "cs_1" },
      status: { value: "完了" },
      pay_status: { value: "入金済み" },
    });
  });

  it("writes the code of a state without a label", () => {
    const fields = mappingWriteBackFields(
      { writeBack, statusLabels: { paymentStatus: { paid: "入金済み" } } },
      { status: "expired", paymentStatus: "refunded" },
    );
    expect(fields).toEqual({ status: { value: "expired" }, pay_status: { value: "refunded" } });
  });

  it("leaves out the status fields when the state says nothing of them", () => {
    expect(
      mappingWriteBackFields(
        { writeBack, statusLabels: { status: { open: "受付中" } } },
        {
          error: "",
        },
      ),
    ).toEqual({});
  });
});
