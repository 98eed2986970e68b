//! Tests of the reducers: conventions, hostile input, cost.

use super::*;

/// `(input, expected output)` pairs for one function.
macro_rules! cases {
    ($name:ident, $f:path, [$(($input:expr, $want:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            $(
                let got = $f($input);
                assert_eq!(got, $want, "\ninput: {:?}", $input);
            )*
        }
    };
}

const ARTICLE_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Pakistan &amp; Afghanistan agree to truce | The Daily Example</title>
  <style>body { font: 12px sans-serif } .x > p { color: red }</style>
  <script>window.dataLayer = []; if (a < b && c > d) { document.write("<p>ad</p>"); }</script>
  <script type="application/ld+json">{"headline": "JSON headline"}</script>
</head>
<body class="single-post has-sidebar">
  <header class="site-header">
    <a href="/" class="logo">The Daily Example</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav>
  </header>
  <div class="breadcrumbs">Home › World › Asia</div>
  <main id="content">
    <article class="story">
      <header>
        <h1>Pakistan &amp; Afghanistan agree to truce</h1>
        <p class="byline">By <a href="/authors/jane">Jane Doe</a> &middot; 19 October 2025</p>
      </header>
      <figure><img src="x.jpg" alt="Soldiers at the border" onerror="alert('xss')"><figcaption>Troops near the Chaman crossing.</figcaption></figure>
      <p>Pakistan&#8217;s defence minister said on Sunday that   the two sides had
         agreed to an &ldquo;immediate ceasefire&rdquo;.</p>
      <!-- <p>This comment must not appear.</p> -->
      <p>Talks were held in Doha, <a href="javascript:alert(1)">according to</a> officials.<script>alert("inline")</script></p>
      <div class="share-buttons"><a href="#">Share on X</a><button>Copy link</button></div>
      <h2>Key demands</h2>
      <ul>
        <li>An end to cross-border attacks</li>
        <li>Monitoring by <b>Qatar</b> and Türkiye
          <ul><li>Talks to resume in Istanbul</li></ul>
        </li>
      </ul>
      <aside class="related"><h3>Related</h3><p>Other story</p></aside>
      <form class="newsletter"><label>Sign up</label><input type="email" value="you@example.com"></form>
    </article>
    <section id="comments"><h2>Leave a Comment</h2><p>First!</p></section>
  </main>
  <footer><p>&copy; 2025 The Daily Example. All rights reserved.</p></footer>
  <noscript><p>Please enable JavaScript</p></noscript>
  <iframe src="https://ads.example/"><p>iframe fallback</p></iframe>
  <template><p>template text</p></template>
  <svg><title>icon</title><text>svg text</text></svg>
</body>
</html>"##;

#[test]
fn article_page_keeps_only_the_article() {
    let text = html_to_text(ARTICLE_PAGE);
    let want = "Pakistan & Afghanistan agree to truce\n\n\
        By Jane Doe · 19 October 2025\n\n\
        Troops near the Chaman crossing.\n\n\
        Pakistan\u{2019}s defence minister said on Sunday that the two sides had agreed to an \u{201c}immediate ceasefire\u{201d}.\n\n\
        Talks were held in Doha, according to officials.\n\n\
        Key demands\n\n\
        - An end to cross-border attacks\n\n\
        - Monitoring by Qatar and Türkiye\n\n\
        - Talks to resume in Istanbul";
    assert_eq!(text, want);
}

#[test]
fn hostile_parts_never_leak() {
    let text = html_to_text(ARTICLE_PAGE);
    for bad in [
        "alert",
        "xss",
        "onerror",
        "javascript",
        "dataLayer",
        "color",
        "JSON headline",
        "World",
        "Politics",
        "Home",
        "Share",
        "Copy link",
        "Other story",
        "Sign up",
        "you@example.com",
        "First!",
        "rights reserved",
        "enable JavaScript",
        "iframe",
        "template",
        "svg",
        "icon",
        "comment must",
        "<",
        ">",
        "&amp;",
        "&#",
    ] {
        assert!(!text.contains(bad), "{bad:?} leaked into {text:?}");
    }
}

#[test]
fn conventions_hold_for_the_article_page() {
    let text = html_to_text(ARTICLE_PAGE);
    assert!(!text.contains("\n\n\n"));
    for block in text.split("\n\n") {
        assert!(!block.is_empty() && !block.contains('\n'), "{block:?}");
        assert_eq!(block, block.trim());
        assert!(!block.contains("  "), "{block:?}");
    }
}

cases!(html_basics, html_to_text, [
    ("", ""),
    ("   ", ""),
    ("plain words", "plain words"),
    ("<p>a</p><p>b</p>", "a\n\nb"),
    ("<p>a<br>b</p>", "a\n\nb"),
    ("<p>one <b>bold</b> <i>two</i>, <a href='x'>link</a>.</p>", "one bold two, link."),
    ("<p>x<img src=a.png alt='an image'>y</p>", "xy"),
    ("<span>a</span><span>b</span>", "ab"),
    ("<p>a\n\t  b</p>", "a b"),
    ("<p> &nbsp; lead</p>", "lead"),
    ("<h2>Heading</h2><p>Body.</p>", "Heading\n\nBody."),
    ("<table><tr><td>Killed</td><td>58</td></tr><tr><th>Wounded</th><td>30</td></tr></table>",
     "Killed 58\n\nWounded 30"),
    ("<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\n\nMeaning"),
    ("<ol><li>first<li>second</ol>", "- first\n\n- second"),
    ("<ul><li><img src=x></li></ul><p>Para</p>", "Para"),
    ("<blockquote><p>Quoted.</p></blockquote>", "Quoted."),
    ("<pre>line one\nline two</pre>", "line one line two"),
]);

cases!(
    html_entities,
    html_to_text,
    [
        ("<p>&amp; &lt; &gt; &quot; &apos; &#39;</p>", "& < > \" ' '"),
        (
            "<p>&rsquo;&lsquo;&rdquo;&ldquo;&mdash;&ndash;&hellip;&euro;&pound;&eacute;&uuml;</p>",
            "\u{2019}\u{2018}\u{201d}\u{201c}\u{2014}\u{2013}\u{2026}\u{20ac}\u{a3}\u{e9}\u{fc}"
        ),
        (
            "<p>&#8217;&#x2019;&#X201C;&#169;</p>",
            "\u{2019}\u{2019}\u{201c}\u{a9}"
        ),
        ("<p>a&nbsp;b&#160;c</p>", "a b c"),
        (
            "<p>soft&shy;hyphen zero&#8203;width</p>",
            "softhyphen zerowidth"
        ),
        ("<p>AT&T &unknown; &amp</p>", "AT&T &unknown; &"),
        (
            "<p>&#0; &#xD800; &#99999999;</p>",
            "\u{fffd} \u{fffd} \u{fffd}"
        ),
        ("<title>T&eacute;l&eacute;</title><p>x</p>", "Télé\n\nx"),
    ]
);

cases!(
    html_dropped_elements,
    html_to_text,
    [
        (
            "<p>a</p><script>var x = '<p>no</p>';</script><p>b</p>",
            "a\n\nb"
        ),
        (
            "<p>a</p><script>if (a<b) { x = '</div>'; }</script>b",
            "a\n\nb"
        ),
        ("<style>p { content: 'no' }</style>ok", "ok"),
        ("<noscript>no</noscript>ok", "ok"),
        ("<template><p>no</p></template>ok", "ok"),
        ("<iframe>no</iframe>ok", "ok"),
        ("<svg><text>no</text><title>no</title></svg>ok", "ok"),
        ("<svg/>ok", "ok"),
        ("<canvas>no</canvas>ok", "ok"),
        ("<button>no</button>ok", "ok"),
        ("<select><option>no</option></select>ok", "ok"),
        ("<textarea><p>no</p></textarea>ok", "ok"),
        ("<nav><a>no</a></nav>ok", "ok"),
        ("<aside>no</aside>ok", "ok"),
        ("<header>no</header><p>ok</p><footer>no</footer>", "ok"),
        ("<div role=navigation>no</div>ok", "ok"),
        (
            "<div hidden>no</div><p>ok, and enough text that the hidden part stays dropped</p>",
            "ok, and enough text that the hidden part stays dropped"
        ),
        ("<!-- no --><p>ok</p><!-- <p>no</p> -->", "ok"),
        ("<![CDATA[no]]><p>ok</p>", "ok"),
        ("<!DOCTYPE html><?xml version='1.0'?><p>ok</p>", "ok"),
        ("<p>ok</p><script>never closed <p>no</p>", "ok"),
    ]
);

cases!(
    html_attributes_never_leak,
    html_to_text,
    [
        ("<img src=x onerror=alert(1)>ok", "ok"),
        (
            "<a href=\"javascript:alert(1)\" onclick=\"steal()\">click</a>",
            "click"
        ),
        ("<p title='a>b' data-x=\"<script>\">ok</p>", "ok"),
        (
            "<p style=\"background:url(javascript:alert(1))\">ok</p>",
            "ok"
        ),
        ("<div class='<p>no</p>'>ok</div>", "ok"),
    ]
);

cases!(
    html_malformed,
    html_to_text,
    [
        ("<p>x < y and z</p><p>after</p>", "x < y and z\n\nafter"),
        ("a <b c", "a"),
        ("<<<<p>>>>text", "<<<\n\n>>>text"),
        ("<", "<"),
        ("</", "</"),
        ("</>x", "x"),
        (
            "<p>unclosed <b>bold <i>it</p><p>next</p>",
            "unclosed bold it\n\nnext"
        ),
        ("<div><p>one<p>two</div><p>three", "one\n\ntwo\n\nthree"),
        ("</div></p></li></article>text", "text"),
        ("<p>a</span></b>b</p>", "ab"),
        ("<p>a<!-- unterminated", "a"),
        ("<p>a</p><p b='unterminated>c</p>", "a"),
        ("<h1>One<h2>Two</h2>", "One\n\nTwo"),
        (
            "<li>no list</li><li>still fine",
            "- no list\n\n- still fine"
        ),
        // NUL in text is dropped (as the tree builder does).
        ("\u{0}<p>\u{0}a</p>", "a"),
    ]
);

cases!(
    html_article_scoping,
    html_to_text,
    [
        // <article> wins over everything else on the page.
        (
            "<div>Menu text that is not marked up as navigation at all</div>\
      <article><p>The story itself, long enough to be the article.</p></article>\
      <div>Footer text that is not marked up either</div>",
            "The story itself, long enough to be the article."
        ),
        // <main> when there is no <article>.
        (
            "<div>Menu</div><main><p>Main story.</p></main><div>Foot</div>",
            "Main story."
        ),
        // Teaser cards in <article>s are not the story: too little of the page.
        (
            "<div><p>The real story is in a plain div and runs for a long paragraph of text \
      that makes up most of the page, as stories do, with quotes and figures.</p></div>\
      <article><p>Teaser one</p></article>",
            "The real story is in a plain div and runs for a long paragraph of text \
      that makes up most of the page, as stories do, with quotes and figures.\n\nTeaser one"
        ),
        // An article's own header and footer are kept, the page's are not.
        (
            "<header>Site</header><article><header><p>By A. Writer</p></header><p>Story.</p>\
      <footer><p>Filed under: World</p></footer></article><footer>Legal</footer>",
            "By A. Writer\n\nStory.\n\nFiled under: World"
        ),
        // Live blog: several <article> entries of similar size are all kept.
        (
            "<article><p>Entry one says this.</p></article><div>Ad</div>\
      <article><p>Entry two says that.</p></article>",
            "Entry one says this.\n\nEntry two says that."
        ),
    ]
);

cases!(html_headline, html_to_text, [
    ("<title>Headline</title><h1>Headline</h1><p>Body.</p>", "Headline\n\nBody."),
    ("<title>Headline here | Outlet</title><article><h1>Headline here</h1><p>Body.</p></article>",
     "Headline here\n\nBody."),
    ("<title>Outlet</title><h1>Headline</h1><p>Body.</p>", "Outlet\n\nHeadline\n\nBody."),
    ("<p>Kicker</p><h1>Headline</h1><p>Body.</p>", "Headline\n\nKicker\n\nBody."),
    ("<title>  </title><p>Body.</p>", "Body."),
    ("<title>First</title><title>Second</title><p>Body.</p>", "First\n\nBody."),
]);

cases!(
    html_soft_clutter,
    html_to_text,
    [
        // Class-named furniture goes...
        (
            "<div class='newsletter-signup'>Sign up!</div><p>Story text.</p>",
            "Story text."
        ),
        (
            "<div id='comments'><p>Nice</p></div><p>Story text.</p>",
            "Story text."
        ),
        // ...unless the class also says it is content,
        (
            "<div class='article-body social'><p>Story text.</p></div>",
            "Story text."
        ),
        // or dropping it would leave nothing (a page wrapped in a form).
        (
            "<form id='aspnetForm'><p>The whole page lives in one form.</p></form>",
            "The whole page lives in one form."
        ),
        (
            "<body class='has-sidebar'><p>Everything.</p></body>",
            "Everything."
        ),
    ]
);

const WORDPRESS_PAGE: &str = r##"<!doctype html><html><head>
<meta property="og:title" content="OG title must not leak">
<title>Ceasefire talks stall &#8211; Frontier Post</title>
<link rel="stylesheet" href="x.css"></head>
<body class="post-template-default single single-post has-sidebar">
<div id="page" class="site">
 <a class="skip-link screen-reader-text" href="#content">Skip to content</a>
 <div class="top-bar"><span>Text Size</span> <a href="#">A+</a></div>
 <div id="content" class="site-content">
  <div id="primary" class="content-area"><main id="main" class="site-main">
   <div class="entry-header"><h1 class="entry-title">Ceasefire talks stall</h1>
    <div class="entry-meta">Posted on <time>19 October 2025</time> by <span class="author">Ali Khan</span></div></div>
   <div class="entry-content">
    <p>Officials said the talks in Doha had stalled, <span class="social-handle">@ForeignOffice</span> reported.</p>
    <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#"><span class="sr-only">Share on Facebook (opens in new window)</span>f</a></li></ul></div>
    <p>&ldquo;We will not accept it,&rdquo; the spokesman said.</p>
    <div class="jp-relatedposts"><h3>Related</h3><p>Older post</p></div>
    <div class="newsletter-box"><h4>Support Our Journalism</h4><p>Subscribe now</p></div>
   </div>
   <nav class="navigation post-navigation"><a>Previous post</a></nav>
   <div id="comments" class="comments-area"><h2>Leave a Comment</h2><form><p>Name</p></form></div>
  </main></div>
  <div id="secondary" class="widget-area sidebar"><h2>Most Popular</h2><ul><li>Story A</li></ul></div>
 </div>
 <footer class="site-footer"><p>Follow Us</p></footer>
</div></body></html>"##;

#[test]
fn wordpress_page_loses_its_furniture() {
    assert_eq!(
        html_to_text(WORDPRESS_PAGE),
        "Ceasefire talks stall\n\n\
         Posted on 19 October 2025 by Ali Khan\n\n\
         Officials said the talks in Doha had stalled, @ForeignOffice reported.\n\n\
         \u{201c}We will not accept it,\u{201d} the spokesman said."
    );
}

#[test]
fn nested_lists() {
    let html = "<ul><li>One<ul><li>One.a<ol><li>One.a.i</li></ol></li></ul></li><li>Two</li></ul>";
    assert_eq!(html_to_text(html), "- One\n\n- One.a\n\n- One.a.i\n\n- Two");
}

#[test]
fn deeply_nested_html_is_linear_and_does_not_overflow() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<b>", "</b>"),
        ("<li>", ""),
        ("<nav>", ""),
    ] {
        let n = 200_000;
        let mut html = open.repeat(n);
        html.push_str("deep text");
        html.push_str(&close.repeat(n));
        html.push_str("<p>after</p>");
        let start = std::time::Instant::now();
        let text = html_to_text(&html);
        assert!(
            start.elapsed().as_secs() < 20,
            "{open}: {:?}",
            start.elapsed()
        );
        if open != "<nav>" {
            assert!(text.contains("deep text"), "{open}: {text:?}");
            if !close.is_empty() {
                assert!(text.ends_with("after"), "{open}: {text:?}");
            }
        } else {
            assert!(!text.contains("deep text"));
        }
    }
}

#[test]
fn many_articles_are_linear() {
    let html = "<article><p>x</p></article>".repeat(100_000);
    let start = std::time::Instant::now();
    assert_eq!(html_to_text(&html).len(), 100_000 * 3 - 2);
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn unmatched_end_tags_are_linear() {
    // 100k open <span>s then 100k stray </p>s: each stray end tag is O(1).
    let html = "<span>".repeat(100_000) + &"</p>".repeat(100_000) + "x";
    let start = std::time::Instant::now();
    assert_eq!(html_to_text(&html), "x");
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn pathological_tokens_are_linear() {
    for unit in [
        "<", "<<", "&", "&#", "&#x", "<!--", "<a ", "<a b='", "</", "<!", "&amp",
    ] {
        let html = unit.repeat(50_000);
        let start = std::time::Instant::now();
        let _ = html_to_text(&html);
        let _ = markdown_to_text(&html);
        let _ = sniff(&html);
        assert!(
            start.elapsed().as_secs() < 20,
            "{unit:?}: {:?}",
            start.elapsed()
        );
    }
}

// ---------------------------------------------------------------------------
// Markdown

const MARKDOWN_ARTICLE: &str = "---
title: \"Truce holds on the border\"
author: Jane Doe
---

# Truce holds on the border

*By Jane Doe* | 19 October 2025

Pakistan's **defence minister** said the truce [held](https://example.com/a \"t\")
overnight, citing `field reports` and ![a photo](p.jpg) the army's __own__ figures.

> \"We will respond to any violation,\" the *minister* said.
>
> > Nested quote.

## Demands

- An end to attacks
- Monitoring by Qatar
  - Talks in Istanbul
1. Numbered item
2) Another

Setext heading
--------------

| Side | Killed |
|------|-------:|
| Army | 23 |
| Taliban | 200 |

```js
console.log(\"code kept\");
```

[ref]: https://example.com/ref \"Reference\"
See the [report][ref] and [ref].

<div class=\"note\">
<p>An HTML block &amp; its <b>text</b>.</p>
<script>alert(\"no\")</script>
</div>

***

Last line with <span onclick=\"x()\">inline html</span> and 5 * 3 = 15.
";

#[test]
fn markdown_article() {
    let want = "Truce holds on the border\n\n\
        By Jane Doe | 19 October 2025\n\n\
        Pakistan's defence minister said the truce held overnight, citing field reports and the army's own figures.\n\n\
        \"We will respond to any violation,\" the minister said.\n\n\
        Nested quote.\n\n\
        Demands\n\n\
        - An end to attacks\n\n\
        - Monitoring by Qatar\n\n\
        - Talks in Istanbul\n\n\
        - Numbered item\n\n\
        - Another\n\n\
        Setext heading\n\n\
        Side Killed\n\n\
        Army 23\n\n\
        Taliban 200\n\n\
        console.log(\"code kept\");\n\n\
        See the report and ref.\n\n\
        An HTML block & its text.\n\n\
        Last line with inline html and 5 * 3 = 15.";
    assert_eq!(markdown_to_text(MARKDOWN_ARTICLE), want);
}

cases!(
    markdown_inline,
    markdown_to_text,
    [
        ("", ""),
        ("plain text", "plain text"),
        (
            "**bold** and *em* and _em_ and __strong__ and ~~gone~~",
            "bold and em and em and strong and gone"
        ),
        ("***both***", "both"),
        (
            "snake_case_name and 2 * 3 and a * b",
            "snake_case_name and 2 * 3 and a * b"
        ),
        ("*unclosed emphasis", "*unclosed emphasis"),
        (
            "`code with **stars**` and `` a ` b ``",
            "code with **stars** and a ` b"
        ),
        ("`unclosed code", "`unclosed code"),
        (
            "[link](http://x.com/a_(b)_c) and [two](<u> \"t\")",
            "link and two"
        ),
        (
            "![image](i.png) gone, [![badge](b.svg)](http://x) too",
            "gone, too"
        ),
        (
            "a [bracket] stays, [x]: not at start",
            "a [bracket] stays, [x]: not at start"
        ),
        (
            "footnote[^1] here\n\n[^1]: The note.",
            "footnote here\n\nThe note."
        ),
        (
            "<https://example.com> and <a@b.org>",
            "https://example.com and a@b.org"
        ),
        (
            "\\*not em\\* and \\[not link\\](x)",
            "*not em* and [not link](x)"
        ),
        (
            "x < y and a<b and AT&T &amp; &rsquo;",
            "x < y and a<b and AT&T & \u{2019}"
        ),
        ("`<b>code</b>` &amp;", "<b>code</b> &"),
        ("<script>alert(1)</script> after", "after"),
        ("inline <img src=x onerror=alert(1)> image", "inline image"),
        ("[click](javascript:alert(1))", "click"),
    ]
);

cases!(
    markdown_blocks,
    markdown_to_text,
    [
        (
            "# H1\n## H2 ##\n###### H6\n####### not",
            "H1\n\nH2\n\nH6\n\n####### not"
        ),
        ("#hashtag at start", "#hashtag at start"),
        (
            "line one\nline two\n\nnext para",
            "line one line two\n\nnext para"
        ),
        ("Title\n=====\nBody", "Title\n\nBody"),
        ("para\n\n---\n\nafter", "para\n\nafter"),
        (
            "> quote\ncontinued\n\n>> deeper",
            "quote continued\n\ndeeper"
        ),
        ("- a\n- b\n\n* c\n+ d", "- a\n\n- b\n\n- c\n\n- d"),
        ("- [ ] todo\n- [x] done", "- todo\n\n- done"),
        (
            "- item\n    - nested four\n\tcontinued",
            "- item\n\n- nested four continued"
        ),
        ("~~~\n  code  line \n~~~\nafter", "code line\n\nafter"),
        (
            "```\nunterminated fence\n# not heading",
            "unterminated fence\n\n# not heading"
        ),
        ("    indented code kept", "indented code kept"),
        ("[a]: http://x\n[b]: <http://y> 'T'\ntext", "text"),
        ("<!-- comment -->\ntext", "text"),
        (
            "<div>\n*not md* in html\n</div>\n\ntext",
            "*not md* in html\n\ntext"
        ),
        ("<script>\nalert(1)\n</script>\ntext", "text"),
        ("| a | b |\n|---|---|\n| 1 | 2 \\| 3 |", "a b\n\n1 2 | 3"),
        ("a | b without delimiter row", "a | b without delimiter row"),
        ("---\nnot: front matter\n", "not: front matter"),
        ("\r\n# Windows\r\n\r\nlines\r\n", "Windows\n\nlines"),
        ("\u{feff}# After a BOM", "After a BOM"),
    ]
);

// ---------------------------------------------------------------------------
// Sniffing

cases!(
    sniffing,
    sniff,
    [
        ("", Format::Text),
        (
            "Just a plain article. It says x < y, and a * b.",
            Format::Text
        ),
        (
            "Pakistan said on Sunday...\n\nThe Taliban denied it.",
            Format::Text
        ),
        ("<!DOCTYPE html><html><body>x</body></html>", Format::Html),
        ("\u{feff}  \n<html>", Format::Html),
        ("<!-- saved page -->\n<div>", Format::Html),
        ("<div class=\"a\">x</div>", Format::Html),
        ("<p>One</p>", Format::Html),
        ("<article>", Format::Html),
        (
            "Copied text <p>with</p> a <div>few</div> tags <br> in it",
            Format::Html
        ),
        ("<3 love this", Format::Text),
        ("<pre-release> notes", Format::Text),
        ("# Headline\n\nBody text of the article.", Format::Markdown),
        (
            "Intro\n\n## Section\n\nMore and **bold** text.",
            Format::Markdown
        ),
        (
            "See [the report](https://x.org) and **this**.",
            Format::Markdown
        ),
        ("- one\n- two\n\nwith a [link](x)", Format::Markdown),
        ("A list:\n- one\n- two\nbut nothing else", Format::Text),
        ("#1 seed wins", Format::Text),
    ]
);

#[test]
fn sniff_reads_only_the_start() {
    let mut long = "plain words ".repeat(1000);
    long.push_str("<p>late</p><div>tags</div><p>here</p>");
    assert_eq!(sniff(&long), Format::Text);
    // A multi-byte character across the sniff limit is not split.
    let s = "é".repeat(SNIFF_BYTES);
    assert_eq!(sniff(&s), Format::Text);
}

// ---------------------------------------------------------------------------
// Property-style: generated garbage never panics and keeps the conventions.

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<li>",
    "<ul>",
    "</ul>",
    "<a href='",
    "'",
    "\"",
    "=",
    " ",
    "\n",
    "\t",
    "&",
    "&amp;",
    "&#",
    "&#x",
    "1",
    ";",
    "x",
    "é",
    "\u{2019}",
    "𝔸",
    "\u{0}",
    "\r",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE",
    "<title>",
    "</title>",
    "<article>",
    "</article>",
    "<nav>",
    "<svg>",
    "<h1>",
    "</h1>",
    "<br>",
    "<table><tr><td>",
    "#",
    "## ",
    "**",
    "*",
    "_",
    "__",
    "~~",
    "`",
    "```",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "][",
    "> ",
    "- ",
    "1. ",
    "|",
    "---",
    "\\",
    "[^",
    "]:",
    "<http://",
    "@",
    "<textarea>",
    "<plaintext>",
    "<template>",
    "<math>",
    "&rsquo;",
    "&nbsp;",
    "\u{ad}",
    "\u{feff}",
];

#[test]
fn garbage_never_panics_and_keeps_conventions() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let len = (rng.next() % 80) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(rng.pick(PIECES));
        }
        let _ = sniff(&s);
        for out in [html_to_text(&s), markdown_to_text(&s)] {
            assert!(!out.contains("\n\n\n"), "{s:?} -> {out:?}");
            for block in out.split("\n\n") {
                assert!(!block.contains('\n'), "{s:?} -> {out:?}");
                assert_eq!(block, block.trim(), "{s:?} -> {out:?}");
                assert!(!block.contains("  "), "{s:?} -> {out:?}");
            }
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let len = (rng.next() % 200) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() % 256) as u8).collect();
        let s = String::from_utf8_lossy(&bytes);
        let _ = sniff(&s);
        let _ = html_to_text(&s);
        let _ = markdown_to_text(&s);
    }
}

#[test]
fn deeply_nested_markdown_is_fine() {
    let md = ">".repeat(100_000) + " deep";
    assert_eq!(markdown_to_text(&md), "deep");
    let md = "![".repeat(100_000) + "x" + &"](y)".repeat(100_000);
    assert_eq!(markdown_to_text(&md), "");
    let md = "[".repeat(100_000) + "x" + &"]".repeat(100_000);
    let _ = markdown_to_text(&md);
    let md = "[".repeat(100_000) + "x" + &"](y)".repeat(100_000);
    let start = std::time::Instant::now();
    let _ = markdown_to_text(&md);
    let md = "*".repeat(50_000) + "x" + &"_a".repeat(50_000);
    let _ = markdown_to_text(&md);
    let md = "`".to_string() + &"a`` ".repeat(50_000);
    let _ = markdown_to_text(&md);
    let md = "[a](".repeat(100_000);
    let _ = markdown_to_text(&md);
    let md = "<a ".repeat(100_000);
    let _ = markdown_to_text(&md);
    for unit in ["<a b='x\" ", "<!--", "<a href=\"", "[a](<", "`` ` "] {
        let md = unit.repeat(50_000);
        let _ = markdown_to_text(&md);
    }
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn a_large_page_is_fast() {
    let page = ARTICLE_PAGE.repeat(400); // ~1.5 MB
    let start = std::time::Instant::now();
    let text = html_to_text(&page);
    assert!(text.contains("immediate ceasefire"));
    let md = MARKDOWN_ARTICLE.repeat(1500); // ~1.5 MB
    let text = markdown_to_text(&md);
    assert!(text.contains("defence minister"));
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
