"""The house kit of printable documents (ReportLab, A4): the page geometry, the colours and
fonts, `plain` (text in the characters the built-in Helvetica prints), a canvas that numbers
pages under a footer, and, for the reports with tables (the review packs), their paragraph
styles, header cells and tables whose header row repeats on every page. Each module draws its
own document with them: assessments' profile, reviews' country pack, funding's call pack.

The text uses the PDF's built-in Helvetica, whose encoding (Windows-1252) covers the accents of
French and Spanish and the typographic quotes and dashes; anything else is replaced by its
closest plain form (see `plain`), so no character prints as a black box.
"""

from __future__ import annotations

import unicodedata
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

MARGIN = 18 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#4a5361")
BRAND = colors.HexColor("#0b4f8a")
LINE = colors.HexColor("#d0d7de")
GRID = colors.HexColor("#8c959f")
SOFT = colors.HexColor("#f3f6f9")

FONT, BOLD = "Helvetica", "Helvetica-Bold"

# Characters Helvetica's encoding lacks, and what stands for them.
REPLACEMENTS = {
    "\u2009": " ",  # thin space
    "\u202f": "\u00a0",  # narrow no-break space (French thousands and "%")
    "\u200b": "",  # zero-width space
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "\u2013",  # figure dash: en dash
    "\u2015": "—",
    "\u2212": "-",  # minus sign
    "\u2032": "'",
    "\u2033": '"',
    "\u2190": "<-",
    "\u2192": "->",
    "\u2194": "<->",
    "\u2248": "~",
    "\u2260": "!=",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2713": "v",
    "\u2714": "v",
    "\u2717": "x",
    "\u0141": "L",  # Ł and the other letters with a stroke, which do not decompose
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0131": "i",
}


def plain(text) -> str:
    """`text` in the characters Helvetica can print (Windows-1252): French and Spanish accents,
    curly quotes and apostrophes, en and em dashes, the ellipsis, œ and € stay; others become
    their closest form (ł → l, ≥ → >=) or "?"."""
    out = []
    for char in str(text):
        char = REPLACEMENTS.get(char, char)
        if not _printable(char):
            bare = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            char = bare if bare and _printable(bare) else "?"
        out.append(char)
    return "".join(out)


def _printable(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def numbered_canvas(footer: str):
    """A canvas class that writes `footer` and "Page n of N" at the bottom of every page: it
    keeps each page until the last is known, then draws them."""
    page_of = _("Page %(number)s of %(total)s")

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            self.setStrokeColor(LINE)
            self.setLineWidth(0.5)
            y = MARGIN - 2 * mm
            self.line(MARGIN, y + 4 * mm, A4[0] - MARGIN, y + 4 * mm)
            self.drawString(MARGIN, y, footer)
            label = page_of % {"number": self._pageNumber, "total": total}
            self.drawRightString(A4[0] - MARGIN, y, plain(label))
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list, *, title: str, subject: str, footer: str, language: str,
              compress: bool = True) -> bytes:  # fmt: skip
    """`story` as an A4 PDF with the house margins and numbered pages under `footer`.
    invariant=True: the same story gives the same bytes; `compress=False` leaves the page
    streams readable (for tests)."""
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=plain(title),
        author="Passerelle",
        creator="Passerelle",
        subject=plain(subject),
        lang=language,
        invariant=True,
        pageCompression=1 if compress else 0,
    )
    doc.build(story, canvasmaker=numbered_canvas(plain(footer)))
    return buffer.getvalue()


# --- Reports with tables -----------------------------------------------------------------------


def report_styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK)
    heading = ParagraphStyle(
        "h2", parent=body, fontName=BOLD, fontSize=13, leading=16, textColor=BRAND,
        spaceBefore=12, spaceAfter=6, keepWithNext=1,
    )  # fmt: skip
    bold, number = {"fontName": BOLD}, {"alignment": TA_RIGHT}
    small = {"fontSize": 8, "leading": 10}
    return {
        "kicker": ParagraphStyle("kicker", parent=body, fontSize=12, textColor=MUTED),
        "cover": ParagraphStyle(
            "cover", parent=body, fontName=BOLD, fontSize=28, leading=34, spaceAfter=6
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=12, textColor=MUTED),
        "h2": heading,
        "h3": ParagraphStyle(
            "h3",
            parent=heading,
            fontSize=10.5,
            leading=13,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, textColor=MUTED, fontSize=8.5, leading=11),
        # A section's note: it stays on the page of the table it introduces.
        "intro": ParagraphStyle(
            "intro", parent=body, textColor=MUTED, fontSize=8.5, leading=11, keepWithNext=1
        ),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=8, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=body, **small),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, **small, **bold),
        "number": ParagraphStyle("number", parent=body, **small, **number),
        "number_bold": ParagraphStyle("number_bold", parent=body, **small, **bold, **number),
        "head": ParagraphStyle("head", parent=body, **small, **bold),
        "head_number": ParagraphStyle("head_number", parent=body, **small, **bold, **number),
    }


def paragraph(text, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(plain(text)), style)


def header_cells(labels: list[str], styles, numbers: set[int] = frozenset()) -> list[Paragraph]:
    """A table's header row; the columns in `numbers` are right-aligned."""
    return [
        paragraph(label, styles["head_number" if i in numbers else "head"])
        for i, label in enumerate(labels)
    ]


def data_table(rows: list[list], widths_mm: list[float], extra: list | None = None) -> Table:
    """A table whose first row is its header, repeated on every page it runs over. The widths
    are in millimetres; the last column takes what the frame has left. `extra`: more style
    commands."""
    widths = [w * mm for w in widths_mm[:-1]]
    widths.append(FRAME_WIDTH - sum(widths))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SOFT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                *(extra or []),
            ]
        )
    )
    return table
