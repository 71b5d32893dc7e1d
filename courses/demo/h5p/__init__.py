"""The platform's own H5P content type, IPU.QuickCheck (one question, a score, a saved state), and ``.h5p`` files of it.

No H5P content type library is published on a package registry the platform can use (h5p-standalone ships
the H5P core only), so the demo and the tests play a small content type of the project's own making through
the real player.
"""

import io
import json
import zipfile
from pathlib import Path

LIBRARY = "IPU.QuickCheck-1.0"
LIBRARY_DIR = Path(__file__).resolve().parent / LIBRARY


def quick_check_files(title, question, answers, language="en", feedback=("Correct.", "Not quite.")):
    """The files of an ``.h5p`` of one quick check: {name: bytes}; ``answers`` are (text, correct) pairs."""
    h5p_json = {
        "title": title,
        "language": language,
        "mainLibrary": "IPU.QuickCheck",
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [{"machineName": "IPU.QuickCheck", "majorVersion": 1, "minorVersion": 0}],
    }
    content = {
        "question": question,
        "answers": [{"text": text, "correct": correct} for text, correct in answers],
        "correctFeedback": feedback[0],
        "wrongFeedback": feedback[1],
    }
    files = {"h5p.json": json.dumps(h5p_json).encode(), "content/content.json": json.dumps(content).encode()}
    for path in sorted(LIBRARY_DIR.iterdir()):
        files[f"{LIBRARY}/{path.name}"] = path.read_bytes()
    return files


def zip_files(files):
    """The bytes of a zip holding ``files`` ({name: bytes}), as an H5P editor would export it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
