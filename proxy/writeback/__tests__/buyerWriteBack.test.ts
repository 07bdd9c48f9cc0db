import { writeBackFields } from "../writeBackFields";

const writeBack = {
  customerId: "cid",
  customerName: "cname",
  customerPhone: "phone",
  billingAddress: "bill",
  shippingAddress: "ship",
};

describe("writeBackFields › buyer", () => {
  it("writes the buyer's id, name, phone and both addresses as multi-line texts", () => {
    const fields = writeBackFields(writeBack, {
      buyer: {
        customerId: "cus_1",
        name: "Jane Doe",
        phone: "+14155550100",
        billingAddress: {
          country: "US",
          line1: "123 Main St",
          city: "Springfield",
          state: "IL",
          postalCode: "62701",
        },
        shipping: {
          name: "山田 太郎",
          address: {
            country: "JP",
            postalCode: "1000001",
            state: "東京都",
            city: "千代田区",
            line1: "千代田1-1",
          },
        },
      },
    });
    expect(fields).toEqual({
      cid: { value: "cus_1" },
      cname: { value: "Jane Doe" },
      phone: { value: "+14155550100" },
      bill: { value: "Jane Doe\n123 Main St\nSpringfield, IL 62701\nUNITED STATES" },
      ship: { value: "〒100-0001\n東京都千代田区千代田1-1\n山田 太郎" },
    });
  });

  it("empties the fields of what Stripe did not collect", () => {
    const fields = writeBackFields(writeBack, {
      buyer: { customerId: null, name: null, phone: null, billingAddress: null, shipping: null },
    });
    expect(fields).toEqual({
      cid: { value: "" },
      cname: { value: "" },
      phone: { value: "" },
      bill: { value: "" },
      ship: { value: "" },
    });
  });

  it("leaves the buyer's fields untouched when the state names no buyer", () => {
    expect(writeBackFields(writeBack, { status: "expired" })).toEqual({});
  });

  it("addresses the shipping address to the buyer when the shipping details name nobody", () => {
    const fields = writeBackFields(
      { shippingAddress: "ship" },
      {
        buyer: {
          customerId: null,
          name: "John Smith",
          phone: null,
          billingAddress: null,
          shipping: {
            name: null,
            address: { country: "GB", line1: "1 High St", city: "Leeds", postalCode: "LS1 1AA" },
          },
        },
      },
    );
    expect(fields.ship?.value).toBe("John Smith\n1 High St\nLeeds\nLS1 1AA\nUNITED KINGDOM");
  });
});
