import { richTextToPlain } from "../richTextToPlain";

describe("richTextToPlain", () => {
  it.each([
    ["<div>Hello <b>world</b></div>", "Hello world"],
    ["line 1<br>line 2<br/>line 3<BR />", "line 1\nline 2\nline 3"],
    ["<p>one</p><p>two</p>", "one\ntwo"],
    ["<div>a</div><div><br></div><div>b</div>", "a\n\nb"],
    ["<p>a</p><br><br><br><p>b</p>", "a\n\nb"],
    ["raw\nnewlines\r\n are   spaces", "raw newlines are spaces"],
    [
      "&lt;tag&gt; &amp;amp; &quot;q&quot; &#39;s&#39; &#x65E5;&#26412; &yen;100",
      "<tag> &amp; \"q\" 's' 日本 ¥100",
    ],
    ["a&nbsp;&nbsp;b", "a b"],
    ["&unknown; &constructor; &#0; &#xD800;", "&unknown; &constructor; \ufffd \ufffd"],
    ["<ul><li>tea</li><li>milk</li></ul>", "- tea\n- milk"],
    ["<script>alert(1)</script><style>p{}</style>text<!-- note -->", "text"],
    ["", ""],
  ])("turns %j into %j", (html, expected) => {
    expect(richTextToPlain(html)).toBe(expected);
  });
});
