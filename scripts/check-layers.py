#!/usr/bin/env python3
"""Checks that the core's folders form the floors the README's Layout section describes.

Reads the floors from README.md (the lines under `Sources/MindSphereFake/` in the Layout block, bottom up, one floor
a line, folders written as `Name/`), finds the types each folder of Sources/MindSphereFake declares at top level, and
for every file the capitalised names it uses. A folder that uses a type declared in a folder on its own floor or a
floor above fails the check, as does a folder the README does not place (or places twice).

    scripts/check-layers.py           # exit 0 when the code matches the README, 1 with each offending use otherwise
"""
import collections
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORE = os.path.join(ROOT, "Sources", "MindSphereFake")
DECLARATION = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|package|private|fileprivate|final|nonisolated|indirect)\s+)*"
    r"(?:struct|class|enum|protocol|actor|typealias)\s+(\w+)", re.M)


def code_only(source):
    """The source without comments and string literals, so that words in them are not taken for uses."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    source = re.sub(r"//[^\n]*", "", source)
    source = re.sub(r'"""(?:.|\n)*?"""', '""', source)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', source)


def floors_from_readme():
    """Folder name to floor number (0 = bottom), read from the README's Layout block."""
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    block = text[text.index("## Layout"):]
    block = block[block.index("```") + 3:]
    block = block[:block.index("```")]
    floors, inside = {}, False
    for line in block.splitlines():
        if line.startswith("Sources/MindSphereFake/"):
            inside = True
            continue
        if inside and line and not line.startswith(" "):
            break
        # A floor's line starts with its folders at two spaces; deeper lines continue the previous description.
        if inside and line.startswith("  ") and not line.startswith("   "):
            names = re.findall(r"\b(\w+)/", line.split("  ")[1] if line.startswith("  ") else line)
            number = len(set(floors.values()))
            for name in names:
                if name in floors:
                    sys.exit(f"check-layers: README places {name}/ twice")
                floors[name] = number
    return floors


def main():
    floors = floors_from_readme()
    files = collections.defaultdict(list)
    for directory, _, names in os.walk(CORE):
        for name in names:
            if name.endswith(".swift"):
                path = os.path.join(directory, name)
                files[os.path.relpath(path, CORE).split(os.sep)[0]].append(path)
    problems = [f"{folder}/ is not placed on a floor in the README's Layout section" for folder in sorted(files) if folder not in floors]
    problems += [f"the README places {folder}/, which does not exist" for folder in sorted(floors) if folder not in files]
    owner = {}
    for folder, paths in files.items():
        for path in paths:
            for match in DECLARATION.finditer(code_only(open(path, encoding="utf-8").read())):
                owner.setdefault(match.group(1), folder)
    for folder, paths in sorted(files.items()):
        for path in sorted(paths):
            for name in sorted(set(re.findall(r"\b[A-Z]\w*", code_only(open(path, encoding="utf-8").read())))):
                used = owner.get(name)
                if used and used != folder and folder in floors and used in floors and floors[used] >= floors[folder]:
                    problems.append(f"{os.path.relpath(path, ROOT)} uses {name} from {used}/, "
                                    f"which is not on a floor below {folder}/")
    for problem in problems:
        print("check-layers:", problem)
    if problems:
        return 1
    print(f"check-layers: {len(files)} folders on {len(set(floors.values()))} floors, no use of a folder above")
    return 0


if __name__ == "__main__":
    sys.exit(main())
