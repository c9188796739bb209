"""html_to_text's fast path for one-paragraph fragments must give what the general path gives."""

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from diplowatch.sources import plaintext
from diplowatch.sources.plaintext import html_to_text, node_text

_words = st.sampled_from(["Kosovo", "recognised", "Абхазию", "&amp;", "&nbsp;", "&lt;b&gt;", " ",
                          "  ", "\n", "\t", "a < b", "x>y", "\u00a0", "\u200b", "’", "—", "."])
_inline = st.sampled_from(["b", "i", "a", "span", "strong", "em", "A", "sub"])
_block = st.sampled_from(["p", "div", "br", "li", "h2", "blockquote", "!--c--", "script", "pre"])


@st.composite
def fragments(draw):
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 9))
        if kind < 6:
            parts.append(draw(_words))
        elif kind < 8:
            tag = draw(_inline)
            attrs = draw(st.sampled_from(["", ' href="http://e/1"', " class='x'", ' title="<p>"']))
            parts.append(f"<{tag}{attrs}>{draw(_words)}</{tag}>")
        else:
            tag = draw(_block)
            parts.append(f"<{tag}>" if tag.startswith("!") else f"<{tag}>{draw(_words)}</{tag}>")
    body = "".join(parts)
    wrap = draw(st.sampled_from(["", "p", "P", "p class='lead'"]))
    if wrap:
        body = f"<{wrap}>{body}</{wrap.split()[0]}>" if draw(st.booleans()) else f"<{wrap}>{body}"
    return draw(st.sampled_from(["", " ", "\n"])) + body + draw(st.sampled_from(["", " ", "\n"]))


@given(fragments())
@settings(max_examples=400, deadline=None)
def test_fast_path_gives_what_the_tree_walk_gives(markup):
    if not markup.strip():
        return
    general = node_text(LexborHTMLParser(markup).body)
    assert html_to_text(markup) == general


def test_the_fast_path_is_taken_for_a_plain_description(monkeypatch):
    walked = []
    monkeypatch.setattr(plaintext, "node_text", lambda *a, **k: walked.append(a) or "")
    assert html_to_text("<p>The Ministry &amp; the <b>delegation</b> met.</p>") == \
        "The Ministry & the delegation met."
    assert walked == []
    html_to_text("<p>One</p><p>Two</p>")
    assert len(walked) == 1
