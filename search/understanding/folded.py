"""A request's text folded to lowercase ASCII, with the way back to the words as written.

Every reader in this package matches its patterns on the folded text, so that
"Małopolsce", "malopolsce" and "MAŁOPOLSCE" are one case, and then hands back
the words as the buyer wrote them, which the matcher drops from its text.
"""

import re
from dataclasses import dataclass

from search.places.gazetteer import folded


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class FoldedText:
    """``text`` and ``folded`` (its lowercase ASCII form), with the way from one to the other."""

    def __init__(self, text: str) -> None:
        self.text = text or ""
        quick = folded(self.text)
        if len(quick) == len(self.text):
            self.folded, self._origin = quick, None
        else:  # a character folded to two ("ﬁ") or to none: map every one
            pieces, origin = [], []
            for index, char in enumerate(self.text):
                piece = folded(char)
                pieces.append(piece)
                origin += [index] * len(piece)
            self.folded, self._origin = "".join(pieces), [*origin, len(self.text)]

    def span(self, match: re.Match, group: int | str = 0) -> Span:
        """Where a match in the folded text stands in the text as written."""
        return self.span_at(*match.span(group))

    def span_at(self, start: int, end: int) -> Span:
        """Where folded characters ``start:end`` stand in the text as written."""
        if self._origin is None:
            return Span(start, end)
        if end == start:
            return Span(self._origin[start], self._origin[start])
        return Span(self._origin[start], self._origin[end - 1] + 1)

    def words(self, *spans: Span) -> tuple[str, ...]:
        """The words as written within ``spans`` (overlapping ones merged), in text order."""
        return tuple(
            word for span in merged(spans) for word in self.text[span.start : span.end].split()
        )


def blanked(text: str, spans) -> str:
    """``text`` with ``spans`` (positions in it) blanked out; spaces keep the other words'
    places, so spans read from the same text stay valid after each blanking."""
    for span in spans:
        text = text[: span.start] + " " * (span.end - span.start) + text[span.end :]
    return text


def merged(spans) -> list[Span]:
    """``spans`` in text order, those that overlap joined into one."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        if joined and span.start <= joined[-1].end:
            joined[-1] = Span(joined[-1].start, max(joined[-1].end, span.end))
        else:
            joined.append(span)
    return joined
