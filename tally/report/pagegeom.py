"""From tally's page coordinates to PDF user space and to rendered pixels.

tally's boxes are pdfplumber's: PDF points, origin at the top-left of the page *as displayed*
(after /Rotate), measured from the MediaBox. PDF user space (annotation /Rect) has its origin
at the bottom-left of the unrotated page. A renderer (pdfium) shows the CropBox, rotated.
"""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PageGeom:
    mediabox: Box  # (x0, y0, x1, y1) in user space, normalised
    cropbox: Box
    rotate: int  # 0, 90, 180, 270 (clockwise when displayed)

    @classmethod
    def of_pypdf(cls, page) -> PageGeom:  # noqa: ANN001 - a pypdf PageObject
        mb = _norm(tuple(float(v) for v in page.mediabox))
        cb = _norm(tuple(float(v) for v in page.cropbox)) if "/CropBox" in page else mb
        # a CropBox reaching outside the MediaBox is clipped to it, as viewers do
        cb = (max(cb[0], mb[0]), max(cb[1], mb[1]), min(cb[2], mb[2]), min(cb[3], mb[3]))
        if cb[0] >= cb[2] or cb[1] >= cb[3]:
            cb = mb
        return cls(mb, cb, int(page.get("/Rotate", 0) or 0) % 360)

    def to_user(self, x: float, top: float, box: Box | None = None) -> tuple[float, float]:
        """A display point (x, top) measured in ``box`` (default MediaBox) to user space."""
        bx0, by0, bx1, by1 = box or self.mediabox
        r = self.rotate
        if r == 90:
            return bx0 + top, by0 + x
        if r == 180:
            return bx1 - x, by0 + top
        if r == 270:
            return bx1 - top, by1 - x
        return bx0 + x, by1 - top

    def rect_user(self, bbox: Box) -> Box:
        """A tally bbox (x0, top, x1, bottom) as a user-space /Rect (llx, lly, urx, ury)."""
        ax, ay = self.to_user(bbox[0], bbox[1])
        bx, by = self.to_user(bbox[2], bbox[3])
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def to_display(self, ux: float, uy: float, box: Box) -> tuple[float, float]:
        """A user-space point to (x, top) on the displayed ``box`` (inverse of to_user)."""
        bx0, by0, bx1, by1 = box
        r = self.rotate
        if r == 90:
            return uy - by0, ux - bx0
        if r == 180:
            return bx1 - ux, uy - by0
        if r == 270:
            return by1 - uy, bx1 - ux
        return ux - bx0, by1 - uy

    def bbox_in_render(self, bbox: Box) -> Box:
        """A tally bbox in points on the rendered (cropped, rotated) page, origin top-left."""
        ux0, uy0, ux1, uy1 = self.rect_user(bbox)
        ax, ay = self.to_display(ux0, uy0, self.cropbox)
        bx, by = self.to_display(ux1, uy1, self.cropbox)
        return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    @property
    def render_size(self) -> tuple[float, float]:
        """Width and height in points of the page as rendered (CropBox, rotated)."""
        w, h = self.cropbox[2] - self.cropbox[0], self.cropbox[3] - self.cropbox[1]
        return (h, w) if self.rotate in (90, 270) else (w, h)


def _norm(b: tuple[float, ...]) -> Box:
    return (min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3]))
