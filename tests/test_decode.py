"""Bytes of unknown encoding: the right characters, even from short text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import UnreadableInput
from newsledger.ingest.decode import decode_text

SAMPLES = [
    ("prolongé le couvre-feu à cause des troubles", "latin-1"),
    ("eleição do presidente da câmara", "latin-1"),
    ("sokağa çıkma yasağını uzattı, Şikayetler ağırlıklı olarak gece", "cp1254"),
    ("Москва заявила о переговорах", "cp1251"),
    ("Η κυβέρνηση ανακοίνωσε", "cp1253"),
    ("قالت الحكومة إن المفاوضات", "cp1256"),
    ("Rafah’ta “ateşkes” görüşmeleri", "utf-8"),
]


@pytest.mark.parametrize(("text", "encoding"), SAMPLES)
def test_short_text_in_its_code_page(text: str, encoding: str):
    assert decode_text(text.encode(encoding)) == text


def test_utf8_with_a_stray_byte_stays_utf8():
    decoded = decode_text("Der Mäscot über die Straße".encode() + b"\xff end")
    assert decoded.startswith("Der Mäscot über die Straße") and decoded.endswith("end")


def test_a_declared_charset_does_not_beat_valid_utf8():
    assert decode_text("Straße".encode(), declared="iso-8859-2") == "Straße"


@pytest.mark.parametrize("data", [b"", b"   \n", bytes(range(256)) * 4, b"\x00\x01\x02" * 100])
def test_not_text(data: bytes):
    with pytest.raises(UnreadableInput):
        decode_text(data)


@given(st.text(min_size=1, max_size=300).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_utf8_text_round_trips(text: str):
    try:
        assert decode_text(text.encode("utf-8")) == text
    except UnreadableInput as error:  # control characters can make text look binary
        assert "binary" in str(error)
