"""Settings: defaults, then the user's file, then flags."""

from __future__ import annotations

import pytest

from newsledger.errors import UsageError
from newsledger.settings import HELP, Settings, load_settings


def test_every_setting_has_help():
    assert set(HELP) == set(Settings.__dataclass_fields__)


def test_file_then_flags(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text('source = "From file"\nmin_body_chars = 5\n', encoding="utf-8")
    settings = load_settings({"source": None, "language": "de"}, config=config)
    assert (settings.source, settings.min_body_chars, settings.language) == ("From file", 5, "de")
    assert load_settings({"source": "Flag"}, config=config).source == "Flag"


def test_unknown_setting_is_a_clear_error(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown setting"):
        load_settings(config=config)
