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
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return nearly
    return _most_plausible_decoding(data)


# Latin-script code pages a detector confuses with each other on short text.
LATIN_CODE_PAGES = ("cp1252", "cp1254", "cp1250", "cp1257", "iso8859_15")
_LATIN_NAMES = ("cp125", "iso8859_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
                "latin", "mac_latin2", "mac_roman", "cp775", "hp_roman8", "cp437", "cp850")


def _most_plausible_decoding(data: bytes) -> str:
    """The detector's guess, except between Latin code pages: on short text it reads
    Latin-1 French as cp1250 ("ŕ") or Turkish as Latin-1 ("ý"). There the decoding the
    language model finds most natural wins."""
    from .language import SAMPLE_CHARS, language_probability

    guesses = [m.encoding for m in from_bytes(data[:200_000])]
    if not guesses:
        raise UnreadableInput("not text: no character encoding fits the bytes")
    if not _is_latin_code_page(guesses[0]):
        return data.decode(guesses[0], errors="replace")
    candidates = dict.fromkeys([g for g in guesses[:4] if _is_latin_code_page(g)]
                               + list(LATIN_CODE_PAGES))
    decoded = [data.decode(encoding, errors="replace") for encoding in candidates]
    return max(decoded, key=lambda text: (not _mostly_accented(text[:SAMPLE_CHARS]),
                                          language_probability(text[:SAMPLE_CHARS])))


def _is_latin_code_page(encoding: str) -> bool:
    return encoding.replace("-", "_").lower().startswith(_LATIN_NAMES) and \
        encoding not in ("cp1251", "cp1253", "cp1255", "cp1256")


def _mostly_accented(text: str) -> bool:
    """Latin letters that are mostly accented ("Ìîñêâà") are another script read
    through the wrong code page: no language writes that way."""
    latin = [ch for ch in text if ch.isalpha() and ord(ch) < 0x250]
    return bool(latin) and sum(ord(ch) > 127 for ch in latin) / len(latin) > 0.35


def _nearly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a stray invalid byte or two (a page cut and pasted together) is
    still UTF-8: guessing a single-byte charset instead garbles every accent."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid_multibyte = sum(1 for ch in text if ord(ch) > 127) - broken
    return text if valid_multibyte >= 1 and broken <= max(2, valid_multibyte // 20) else None


def _encodings_to_try(data: bytes, declared: str | None) -> list[str]:
    """Bytes that decode as strict UTF-8 are UTF-8 whatever a page declares: multi-byte
    sequences almost never form by chance, and declarations are often stale."""
    if data.startswith(b"\xef\xbb\xbf"):
        return ["utf-8-sig"]
    if _is_utf16(data):
        return ["utf-16"]
    return [e for e in ("utf-8", declared) if e]
