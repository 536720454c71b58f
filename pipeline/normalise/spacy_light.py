"""spaCy without its command line: `import spacy` also imports `spacy.cli` (typer, weasel, httpx, the
project and training commands) only to offer `spacy.info`; that is about 0.9 s of a 3 s `extract`, paid by
every run. planpipe uses a blank English pipeline and an EntityRuler, which need none of it."""

from __future__ import annotations

import sys
import types
from typing import Any

_CLI = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info, imported when called (the real one lives in spacy.cli)."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> Any:
    """The spacy module, imported with placeholders for spacy.cli and spacy.cli.info that are removed
    again at once: a later `import spacy.cli` gets the real package. If spaCy is already imported, or
    the placeholders do not satisfy this spaCy version, it is a plain `import spacy`."""
    if "spacy" in sys.modules or any(name in sys.modules for name in _CLI):
        import spacy

        return spacy
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package, so that `from .cli.info import info` looks no further
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    except ImportError:  # another spaCy: forget the half-import and take the ordinary road
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        for name in _CLI:
            sys.modules.pop(name, None)
        import spacy

        return spacy
    finally:
        for name, placeholder in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is placeholder:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
    return spacy
