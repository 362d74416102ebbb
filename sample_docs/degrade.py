"""Turns clean PDFs into what scanners and phones produce, and makes the broken files real uploads contain."""
from __future__ import annotations

import io
import random

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter


def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def scan(img: Image.Image, rng: random.Random, *, angle: float, blur: float, noise: float) -> Image.Image:
    """A flatbed scan: slight skew, blur, sensor noise, a grey background."""
    out = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if blur > 0:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(out, dtype=np.float32)
    nprng = np.random.default_rng(rng.randrange(2**32))
    arr = arr * rng.uniform(0.88, 0.97) + rng.uniform(4, 14)  # paper is never white
    if noise > 0:
        arr = arr + nprng.normal(0, noise, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def mild(img: Image.Image, rng: random.Random) -> Image.Image:
    return scan(img, rng, angle=rng.uniform(-1.5, 1.5), blur=rng.uniform(0.0, 0.8), noise=rng.uniform(3, 9))


def heavy(img: Image.Image, rng: random.Random) -> Image.Image:
    """A fax of a photocopy: too blurred and noisy to trust any field read from it."""
    small = img.resize((img.width // 3, img.height // 3), Image.BILINEAR)
    small = scan(small, rng, angle=rng.uniform(-3, 3), blur=1.6, noise=55)
    return small.resize(img.size, Image.NEAREST)


def bilevel(img: Image.Image, rng: random.Random) -> Image.Image:
    threshold = rng.randint(150, 175)
    return img.point(lambda v: 255 if v > threshold else 0).convert("1")


def encode(pages: list[Image.Image], fmt: str, dpi: int, rng: random.Random) -> bytes:
    buf = io.BytesIO()
    if fmt == "png":
        # office scanners save PNG in black and white: the noise becomes specks, and the file stays small
        bilevel(pages[0], rng).save(buf, "PNG", dpi=(dpi, dpi), optimize=True)
    elif fmt == "jpeg":
        pages[0].save(buf, "JPEG", quality=rng.randint(55, 80), dpi=(dpi, dpi))
    elif fmt == "tiff":
        # multi-page fax-style TIFF (CCITT Group 4), as document scanners and e-fax send them
        bl = [bilevel(p, rng) for p in pages]
        bl[0].save(buf, "TIFF", compression="group4", save_all=True, append_images=bl[1:], dpi=(dpi, dpi))
    elif fmt == "pdf":
        # a scanner's PDF: JPEG pages and no text layer
        jpgs = []
        for p in pages:
            b = io.BytesIO()
            p.save(b, "JPEG", quality=rng.randint(60, 82))
            jpgs.append(Image.open(io.BytesIO(b.getvalue())))
        jpgs[0].save(buf, "PDF", save_all=True, append_images=jpgs[1:], resolution=float(dpi))
    else:
        raise ValueError(fmt)
    return buf.getvalue()


def render_scan(pdf: bytes, render: str, rng: random.Random) -> bytes:
    """`render` names what the upload looks like: scan_pdf | png | jpeg | tiff | rotated_jpeg | heavy_scan."""
    dpi = rng.choice([200, 240, 300])
    pages = rasterise(pdf, dpi)
    if render == "heavy_scan":
        return encode([heavy(p, rng) for p in pages], "jpeg", dpi, rng)
    pages = [mild(p, rng) for p in pages]
    if render == "rotated_jpeg":
        pages = [p.rotate(rng.choice([90, 270, 180]), expand=True) for p in pages]
        return encode(pages, "jpeg", dpi, rng)
    fmt = {"scan_pdf": "pdf", "png": "png", "jpeg": "jpeg", "tiff": "tiff"}[render]
    return encode(pages, fmt, dpi, rng)


def broken_file(kind: str, rng: random.Random) -> bytes:
    if kind == "empty_file":
        return b""
    if kind == "corrupt_pdf":
        # a PDF cut off in transfer and overwritten: header, then garbage, no pages
        return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.randrange(256) for _ in range(4096))
    if kind == "encrypted_pdf":
        from reportlab.lib import pdfencrypt
        from reportlab.pdfgen import canvas

        buf = io.BytesIO()
        enc = pdfencrypt.StandardEncryption(userPassword="insure2025", ownerPassword="owner", canPrint=0)
        c = canvas.Canvas(buf, encrypt=enc)
        c.drawString(72, 720, "CARGO INSURANCE CERTIFICATE")
        c.save()
        return buf.getvalue()
    if kind == "wrong_extension":
        # a web page saved under a .jpg name
        return (b"<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                b"<body><h1>Not Found</h1><p>The requested image was not found on this server.</p></body></html>\n")
    raise ValueError(kind)
