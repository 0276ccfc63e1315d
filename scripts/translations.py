"""Maintain the Qt translation files.

python scripts/translations.py update    # re-scan dost_desk/ui with lupdate (keeps translations)
python scripts/translations.py check     # list messages without a finished translation
python scripts/translations.py compile   # lrelease every .ts into .qm
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def unfinished(ts: Path) -> list[str]:
    """Source texts in ``ts`` whose translation is missing, empty or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            missing.append(message.findtext("source") or "")
            continue
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        forms = translation.findall("numerusform")
        texts = [n.text or "" for n in forms] if forms else [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(t.strip() for t in texts):
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        sources = sorted(str(p) for p in (ROOT / "dost_desk" / "ui").rglob("*.py"))
        targets = sorted(str(p) for p in I18N.glob("*.ts"))
        subprocess.run(["pyside6-lupdate", "-no-obsolete", *sources, "-ts", *targets], check=True)
        return 0
    if command == "compile":
        sys.path.insert(0, str(ROOT))
        from dost_desk.ui.i18n import compile_translations

        for qm in compile_translations(I18N):
            print(qm.relative_to(ROOT))
        return 0
    if command == "check":
        status = 0
        for ts in sorted(I18N.glob("*.ts")):
            for source in unfinished(ts):
                print(f"{ts.name}: untranslated: {source}")
                status = 1
        return status
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
