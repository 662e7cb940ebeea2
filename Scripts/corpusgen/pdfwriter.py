"""A minimal PDF 1.4 writer, standard library only.

Enough PDF for an archive's test data: pages of positioned text in the standard Helvetica fonts
(WinAnsiEncoding, so Swedish letters go through cp1252), optional image XObjects, an /Info
dictionary, correct xref offsets, and optional RC4 40-bit encryption (standard security handler,
/V 1 /R 2) so an extractor's "needs a password" path can be tested.
"""

from __future__ import annotations

import hashlib
import zlib

# Fonts every page may use: resource name -> base font.
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique"}

# Helvetica advance widths (1/1000 em) for the characters our texts use. Characters missing here
# fall back to 556, the width of most lower-case letters and digits; wrapping only needs to be
# roughly right because the page keeps a generous right margin.
_HELV = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191, "(": 333,
    ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 278, ";": 278,
    "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278, "\\": 278, "]": 278, "_": 556,
    "|": 260, "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722,
    "I": 278, "J": 500, "K": 667, "L": 556, "M": 833, "N": 722, "O": 778, "P": 667, "Q": 778,
    "R": 722, "S": 667, "T": 611, "U": 722, "V": 667, "W": 944, "X": 667, "Y": 667, "Z": 611,
    "c": 500, "f": 278, "i": 222, "j": 222, "k": 500, "l": 222, "m": 833, "r": 333, "s": 500,
    "t": 278, "v": 500, "w": 722, "x": 500, "y": 500, "z": 500, "Å": 667, "Ä": 667, "Ö": 778,
    "É": 667, "•": 350, "–": 556, "—": 1000, "’": 222, "”": 333, "“": 333, "°": 400,
}
# Bold is a little wider overall; a flat factor is close enough for line breaking.
_BOLD_FACTOR = 1.07
_width_cache: dict[tuple[str, str], float] = {}


def text_width(text: str, font: str, size: float) -> float:
    """Width of text in points. Cached per (font, word): texts repeat their words a lot."""
    key = (font, text)
    w = _width_cache.get(key)
    if w is None:
        w = sum(_HELV.get(ch, 556) for ch in text) / 1000.0
        if font == "F2":
            w *= _BOLD_FACTOR
        if len(_width_cache) > 50_000:  # keep memory flat in long benchmark runs
            _width_cache.clear()
        _width_cache[key] = w
    return w * size


def pdf_escape(raw: bytes) -> bytes:
    """Escape a byte string for a PDF literal string: backslash and both parentheses."""
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(
        b"\r", b"\\r").replace(b"\n", b"\\n")


def encode_text(text: str) -> bytes:
    """cp1252 bytes for a shown string (WinAnsiEncoding is cp1252 for everything we use)."""
    return text.encode("cp1252")


# --- RC4 / standard security handler ------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray(len(data))
    i = j = 0
    for n, byte in enumerate(data):
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out[n] = byte ^ s[(s[i] + s[j]) & 0xFF]
    return bytes(out)


class Rc4Security:
    """Standard security handler, revision 2 (40-bit RC4), as in PDF 1.4 section 3.5."""

    def __init__(self, user_password: str, owner_password: str, file_id: bytes, permissions: int = -44):
        upw = (user_password.encode("latin-1") + _PAD)[:32]
        opw = (owner_password.encode("latin-1") + _PAD)[:32]
        # Algorithm 3.3: the O entry is the padded user password encrypted with a key from the owner's.
        self.o = rc4(hashlib.md5(opw).digest()[:5], upw)
        self.p = permissions
        # Algorithm 3.2: the file key.
        md = hashlib.md5()
        md.update(upw)
        md.update(self.o)
        md.update((permissions & 0xFFFFFFFF).to_bytes(4, "little"))
        md.update(file_id)
        self.key = md.digest()[:5]
        # Algorithm 3.4: U is the padding string encrypted with the file key.
        self.u = rc4(self.key, _PAD)

    def object_key(self, num: int, gen: int = 0) -> bytes:
        # Algorithm 3.1: per-object key, n + 5 = 10 bytes for a 5-byte file key.
        h = hashlib.md5(self.key + num.to_bytes(3, "little") + gen.to_bytes(2, "little")).digest()
        return h[:10]

    def encrypt(self, num: int, data: bytes) -> bytes:
        return rc4(self.object_key(num), data)


# --- the writer ------------------------------------------------------------------------------


class Page:
    """One page: a content stream built from positioned text lines and images."""

    def __init__(self, width: float = 595.0, height: float = 842.0):
        self.width = width
        self.height = height
        self.ops: list[bytes] = []
        self.images: dict[str, "Image"] = {}

    def text(self, x: float, y: float, s: str, font: str = "F1", size: float = 10.0) -> None:
        if not s:
            return
        self.ops.append(b"BT /%s %s Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET\n" % (
            font.encode(), _num(size), x, y, pdf_escape(encode_text(s))))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.ops.append(b"%.2f w %.2f %.2f m %.2f %.2f l S\n" % (width, x1, y1, x2, y2))

    def image(self, name: str, img: "Image", x: float, y: float, w: float, h: float) -> None:
        self.images[name] = img
        self.ops.append(b"q %.2f 0 0 %.2f %.2f %.2f cm /%s Do Q\n" % (w, h, x, y, name.encode()))

    def content(self) -> bytes:
        return b"".join(self.ops)


class Image:
    """An uncompressed 8-bit DeviceGray image XObject."""

    def __init__(self, width: int, height: int, pixels: bytes):
        assert len(pixels) == width * height
        self.width, self.height, self.pixels = width, height, pixels


def _num(v: float) -> bytes:
    return (b"%d" % v) if float(v).is_integer() else (b"%.2f" % v)


def _pdf_date(stamp: str) -> str:
    """'2023-05-12T09:30:00' (Swedish local time) -> "D:20230512093000+02'00'"."""
    import datetime as dt
    d = stamp.replace("-", "").replace(":", "").replace("T", "")
    d = (d + "000000")[:14]
    day = dt.date(int(d[:4]), int(d[4:6]), int(d[6:8]))

    def last_sunday(month):
        x = dt.date(day.year, month, 31)
        return x - dt.timedelta(days=(x.weekday() + 1) % 7)
    summer = last_sunday(3) <= day < last_sunday(10)  # CEST, ignoring the switch hour
    return "D:%s+0%d'00'" % (d, 2 if summer else 1)


def build_pdf(pages: list[Page], title: str | None = None, created: str | None = None,
              author: str | None = None, producer: str = "IVO-arkiv corpusgen",
              compress: bool = True, user_password: str | None = None,
              owner_password: str = "agare") -> bytes:
    """Serialise pages to PDF bytes. created is an ISO timestamp ('2023-05-12T09:30:00')."""
    # Object numbers: 1 catalog, 2 pages, 3-5 fonts, 6 info, 7 encrypt (if any), then pages.
    file_id = hashlib.md5(("%s|%s|%d" % (title, created, len(pages))).encode("utf-8")).digest()
    sec = Rc4Security(user_password, owner_password, file_id) if user_password is not None else None

    objs: dict[int, bytes] = {}
    font_nums = {}
    for i, (res, base) in enumerate(FONTS.items()):
        n = 3 + i
        font_nums[res] = n
        objs[n] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
                   % base.encode())
    info_num = 6
    next_num = 8 if sec else 7
    font_res = b" ".join(b"/%s %d 0 R" % (r.encode(), n) for r, n in font_nums.items())

    def string(num: int, raw: bytes) -> bytes:
        if sec:
            raw = sec.encrypt(num, raw)
        return b"<" + raw.hex().upper().encode() + b">"

    def stream(num: int, data: bytes, extra: bytes = b"", flate: bool = compress) -> bytes:
        filt = b""
        if flate:
            data = zlib.compress(data, 6)
            filt = b" /Filter /FlateDecode"
        if sec:
            data = sec.encrypt(num, data)
        return b"<< /Length %d%s%s >>\nstream\n%s\nendstream" % (len(data), filt, extra, data)

    kids = []
    for page in pages:
        page_num, content_num = next_num, next_num + 1
        next_num += 2
        xobj = b""
        if page.images:
            entries = []
            for name, img in page.images.items():
                img_num = next_num
                next_num += 1
                objs[img_num] = stream(img_num, img.pixels, b" /Type /XObject /Subtype /Image "
                                       b"/Width %d /Height %d /ColorSpace /DeviceGray "
                                       b"/BitsPerComponent 8" % (img.width, img.height), flate=False)
                entries.append(b"/%s %d 0 R" % (name.encode(), img_num))
            xobj = b" /XObject << " + b" ".join(entries) + b" >>"
        objs[page_num] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << "
                          b"/Font << %s >>%s /ProcSet [/PDF /Text /ImageB] >> /Contents %d 0 R >>"
                          % (_num(page.width), _num(page.height), font_res, xobj, content_num))
        objs[content_num] = stream(content_num, page.content())
        kids.append(page_num)

    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = [b"/Producer " + string(info_num, producer.encode("latin-1"))]
    if title:
        # UTF-16BE with BOM is the unambiguous way to put å ä ö in an Info text string.
        info.append(b"/Title " + string(info_num, b"\xfe\xff" + title.encode("utf-16-be")))
    if author:
        info.append(b"/Author " + string(info_num, b"\xfe\xff" + author.encode("utf-16-be")))
    if created:
        info.append(b"/CreationDate " + string(info_num, _pdf_date(created).encode("ascii")))
        info.append(b"/ModDate " + string(info_num, _pdf_date(created).encode("ascii")))
    objs[info_num] = b"<< " + b" ".join(info) + b" >>"
    if sec:
        # The encryption dictionary itself is never encrypted.
        objs[7] = (b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%s> /U <%s> /P %d >>"
                   % (sec.o.hex().upper().encode(), sec.u.hex().upper().encode(), sec.p))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    size = max(objs) + 1
    offsets = [0] * size
    for num in range(1, size):
        if num not in objs:
            continue
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"
    for num in range(1, size):
        if num in objs:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    trailer = b"/Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>]" % (
        size, info_num, file_id.hex().encode(), file_id.hex().encode())
    if sec:
        trailer += b" /Encrypt 7 0 R"
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
