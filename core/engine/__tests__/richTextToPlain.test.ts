import { richTextToPlain } from "../richTextToPlain";

describe("richTextToPlain", () => {
  it.each([
    ["drops tags, keeping their text", "<div>Hello <b>world</b></div>", "Hello world"],
    ["breaks lines at <br>", "line 1<br>line 2<br/>line 3<BR />", "line 1\nline 2\nline 3"],
    ["breaks lines between paragraphs", "<p>one</p><p>two</p>", "one\ntwo"],
    ["keeps the empty line of an empty block", "<div>a</div><div><br></div><div>b</div>", "a\n\nb"],
    ["keeps at most one empty line", "<p>a</p><br><br><br><p>b</p>", "a\n\nb"],
    ["reads raw new lines as spaces", "raw\nnewlines\r\n are   spaces", "raw newlines are spaces"],
    [
      "decodes entities once",
      "&lt;tag&gt; &amp;amp; &quot;q&quot; &#39;s&#39; &#x65E5;&#26412; &yen;100",
      "<tag> &amp; \"q\" 's' 日本 ¥100",
    ],
    ["reads non-breaking spaces as one space", "a&nbsp;&nbsp;b", "a b"],
    [
      "keeps unknown entities and replaces unusable code points",
      "&unknown; &constructor; &#0; &#xD800;",
      "&unknown; &constructor; \ufffd \ufffd",
    ],
    ["writes list items as dashes", "<ul><li>tea</li><li>milk</li></ul>", "- tea\n- milk"],
    [
      "drops scripts, styles and comments with their content",
      "<script>alert(1)</script><style>p{}</style>text<!-- note -->",
      "text",
    ],
    ["reads nothing as nothing", "", ""],
  ])("%s: %j", (_rule, html, plain) => {
    expect(richTextToPlain(html)).toBe(plain);
  });
});
