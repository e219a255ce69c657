"""What a file holds, told from its content, never its name: a web page (`html`), wire
service SGML records (`sgml`), Markdown (`markdown`) or plain text (`text`).

A saved page or a wire record renamed `.txt` is still markup; a story that quotes a tag
is still prose. The markup must open the file (after white space, a byte-order mark or
comments) or make up a clear share of it.
"""

from __future__ import annotations

import re

from newsbook.text.markdown import looks_like_markdown

# Where the tell-tale opening of a page or a record must be: the first few kilobytes
# hold the doctype or first tag of any real page (comments and scripts before it
# included); prose that mentions a tag further down is not a page.
HEAD_CHARS = 4_000
# A page without <html> or a doctype (a fragment saved from a browser) is still a page
# when tags are this dense: real prose has none, a fragment has several per line.
MIN_TAGS = 5
MIN_TAG_SHARE = 0.5  # tagged lines over non-blank lines

SGML_OPENING = re.compile(r"^(?:\s|<!DOCTYPE\s+lewis[^>]*>)*<REUTERS\b", re.IGNORECASE)
HTML_OPENING = re.compile(
    r"^(?:\s|<!--.*?-->|<\?xml[^>]*\?>)*<(?:!DOCTYPE\s+html|html\b|head\b|body\b|meta\b|title\b)",
    re.IGNORECASE | re.DOTALL,
)
BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|table|td|tr|span|a|article|section|h[1-6]|li|ul)\b[^>]*>", re.I
)


def detect_format(text: str) -> str:
    """`html`, `sgml`, `markdown` or `text`, from the text's content."""
    head = text[:HEAD_CHARS].lstrip("\ufeff")
    if SGML_OPENING.match(head):
        return "sgml"
    if HTML_OPENING.match(head):
        return "html"
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if BLOCK_TAG.search(line))
    if len(BLOCK_TAG.findall(head)) >= MIN_TAGS and lines and tagged / len(lines) >= MIN_TAG_SHARE:
        return "html"
    if looks_like_markdown(head):
        return "markdown"
    return "text"
