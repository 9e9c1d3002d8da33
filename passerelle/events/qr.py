"""QR codes of personal codes, drawn by ReportLab (already the PDF library: no new dependency),
as an SVG image for pages and as a drawing for PDFs."""

import base64

from reportlab.graphics import renderSVG
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing


def drawing(text: str, size: float = 160) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    scaled = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    scaled.add(widget)
    return scaled


def image_src(text: str, size: float = 160) -> str:
    """The SVG as a data URI for an <img>: ReportLab colours the squares with style attributes,
    which the pages' Content-Security-Policy refuses in inline SVG."""
    markup = renderSVG.drawToString(drawing(text, size))
    return "data:image/svg+xml;base64," + base64.b64encode(markup.encode()).decode()
