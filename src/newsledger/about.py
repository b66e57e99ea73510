"""What this installation is made of: the versions reports print beside their figures."""

from __future__ import annotations

import platform
from importlib import metadata


def library_versions(names: tuple[str, ...]) -> dict[str, str]:
    """Python's version and each named distribution's ("absent" when not installed)."""
    found = {"python": platform.python_version()}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found
