"""Bytes to text: gzip, binary sniffing, and charset detection for unknown encodings."""

from __future__ import annotations

import gzip
import zlib

from charset_normalizer import from_bytes

from ..errors import UnreadableInput

GZIP_MAGIC = b"\x1f\x8b"
# Control bytes that never occur in text (tab, newline, CR, FF, ESC are allowed).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27})


def gunzip_if_needed(data: bytes) -> bytes:
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        return gzip.decompress(data)
    except EOFError as exc:
        raise UnreadableInput("truncated gzip: the compressed stream ends early") from exc
    except (OSError, zlib.error) as exc:
        raise UnreadableInput(f"corrupt gzip: {exc}") from exc


def looks_binary(data: bytes) -> bool:
    """True when the start of the data holds NUL or many control bytes: not text."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample and not _is_utf16(sample):
        return True
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return controls / len(sample) > 0.05


def _is_utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode bytes of unknown encoding: BOM, then a declared charset, then UTF-8,
    then the detector's best guess. Raises UnreadableInput for binary data."""
    if not data.strip():
        raise UnreadableInput("empty file")
    if looks_binary(data):
        raise UnreadableInput("not text: binary data")
    for encoding in _encodings_to_try(data, declared):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnreadableInput("not text: no character encoding fits the bytes")
    return data.decode(best.encoding, errors="replace")


def _encodings_to_try(data: bytes, declared: str | None) -> list[str]:
    """Bytes that decode as strict UTF-8 are UTF-8 whatever a page declares: multi-byte
    sequences almost never form by chance, and declarations are often stale."""
    if data.startswith(b"\xef\xbb\xbf"):
        return ["utf-8-sig"]
    if _is_utf16(data):
        return ["utf-16"]
    return [e for e in ("utf-8", declared) if e]
