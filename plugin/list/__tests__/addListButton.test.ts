/** @jest-environment jsdom */
import { addListButton, LIST_BUTTON_ID } from "../addListButton";

describe("addListButton", () => {
  let space: HTMLElement;

  beforeEach(() => {
    document.body.replaceChildren();
    space = document.createElement("div");
    document.body.appendChild(space);
  });

  it("adds the button once however often the view re-renders", () => {
    for (let render = 0; render < 5; render++) {
      addListButton(space, { label: "Stripe Checkout", onClick: () => undefined });
    }
    expect(document.querySelectorAll(`#${LIST_BUTTON_ID}`)).toHaveLength(1);
    expect(space.querySelectorAll("button")).toHaveLength(1);
    expect(space.querySelector("button")?.textContent).toBe("Stripe Checkout");
  });

  it("is a plain button that does not submit any form", () => {
    const button = addListButton(space, { label: "Go", onClick: () => undefined });
    expect(button?.type).toBe("button");
  });

  it("makes a click act on the view shown last", () => {
    const clicks: string[] = [];
    addListButton(space, { label: "Go", onClick: () => clicks.push("first view") });
    addListButton(space, { label: "Go", onClick: () => clicks.push("second view") });
    space.querySelector("button")?.click();
    expect(clicks).toEqual(["second view"]);
  });

  it("does nothing when the page has no header menu space", () => {
    expect(addListButton(null, { label: "Go", onClick: () => undefined })).toBeNull();
    expect(document.getElementById(LIST_BUTTON_ID)).toBeNull();
  });

  it("shows the label as text, never as markup", () => {
    const button = addListButton(space, {
      label: "<img src=x onerror=alert(1)>",
      onClick: () => 0,
    });
    expect(button?.querySelector("img")).toBeNull();
    expect(button?.textContent).toBe("<img src=x onerror=alert(1)>");
  });
});
