#!/usr/bin/env python3
"""Checks a notebook executed by `jupyter nbconvert --execute`: no cell raised an error, and each cell listed below
shows what it should (its text output, its HTML table or gallery with embedded pictures). With --clean it checks
the committed notebook instead: no saved outputs (they could hold account data) and the .NET (C#) kernel.

usage: check-outputs.py EXECUTED.ipynb | check-outputs.py --clean NOTEBOOK.ipynb"""
import json
import os
import re
import sys

EMBEDDED_PICTURE = re.compile(r'<img src="data:image/(png|jpeg|webp);base64,[A-Za-z0-9+/=]{40,}"')
# What the package's own displays (src/GenPro.Sdk/Notebook/extension.dib) write: nothing in the notebook registers them.
AGENT_TABLE = '<table class="genpro-agents">'
GALLERY = '<div class="genpro-gallery">'
ERROR_CARD = '<div class="genpro-error"'
PLACEHOLDER = 'class="genpro-missing"'

# cell id -> what its outputs must contain: plain substrings, (regex, minimum count), or ("not", substring).
EXPECTED = {
    # The #r lines ask for "*-*": the kernel must have loaded the newest local build (run-notebook.sh names it).
    "packages": [f"GenPro.Sdk, {os.environ.get('GENPRO_PACKAGE_VERSION', '1.0.0-')}",
                 f"GenPro.Sdk.Testing, {os.environ.get('GENPRO_PACKAGE_VERSION', '1.0.0-')}",
                 "GenPro.Sdk: rich displays registered"],
    "client": ["using the fake GEN API at http://127.0.0.1:", "GenProClient { BaseAddress = http://127.0.0.1:"],
    "agents": ["1 agent(s)", AGENT_TABLE, "<b>Scout</b>", "Asia/Tokyo", "owner", "Notebook Studio",
               (EMBEDDED_PICTURE, 1), ("not", PLACEHOLDER)],
    "create": ["created #"],
    "avatars": ["page of 4, continuation token: (none: last page)", GALLERY,
                "<b>★ primary</b>", "DeGod 7", (EMBEDDED_PICTURE, 4), ("not", PLACEHOLDER)],
    "primary": [AGENT_TABLE, "<b>Notebook ", "Europe/Paris", '<div class="genpro-agent"', (EMBEDDED_PICTURE, 3), ("not", PLACEHOLDER)],
    "pictures": ["saved image/png, ", "continuation token: (none: last page)", (re.compile(GALLERY), 2), "DeGod 7",
                 (EMBEDDED_PICTURE, 8), ("not", PLACEHOLDER)],
    "errors": ["422 agent_creation_failed", ERROR_CARD, "GenProValidationException: 422 UnprocessableEntity",
               "agent_creation_failed", "request id", ("not", "gen_pat_")],
    "cleanup": ["deleted #"],
}


def output_text(cell):
    parts = []
    for output in cell.get("outputs", []):
        parts.append("".join(output.get("text", "")))
        for mime in ("text/plain", "text/html"):
            parts.append("".join(output.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def check_executed(notebook):
    problems = []
    cells = {cell.get("id"): cell for cell in notebook["cells"]}
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"cell {cell.get('id')} raised {output.get('ename')}: {output.get('evalue')}")
            if output.get("name") == "stderr":
                problems.append(f"cell {cell.get('id')} wrote to stderr: {''.join(output.get('text', ''))[:300]}")
    # Every avatar in a gallery, and every agent in a table, shows its own embedded picture (none left as a link).
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            shown = html.count("<figure") if GALLERY in html else html.count("<tr><td>") if AGENT_TABLE in html else 0
            pictures = len(EMBEDDED_PICTURE.findall(html))
            if shown and pictures < shown:
                problems.append(f"cell {cell.get('id')} shows {shown} avatar(s) or agent(s) but embeds {pictures} picture(s)")
    for cell_id, expectations in EXPECTED.items():
        if cell_id not in cells:
            problems.append(f"cell {cell_id} is missing")
            continue
        text = output_text(cells[cell_id])
        for expected in expectations:
            if isinstance(expected, tuple) and expected[0] == "not":
                if expected[1] in text:
                    problems.append(f"cell {cell_id} shows {expected[1]!r}, which it must not")
            elif isinstance(expected, tuple):
                pattern, minimum = expected
                found = len(pattern.findall(text))
                if found < minimum:
                    problems.append(f"cell {cell_id} shows {found} match(es) of {pattern.pattern!r}, expected at least {minimum}")
            elif expected not in text:
                problems.append(f"cell {cell_id} does not show {expected!r}")
    return problems


def check_clean(notebook):
    problems = []
    if notebook["metadata"].get("kernelspec", {}).get("name") != ".net-csharp":
        problems.append("the notebook's kernel is not .NET (C#) (metadata.kernelspec.name should be .net-csharp)")
    for cell in notebook["cells"]:
        if cell.get("outputs") or cell.get("execution_count"):
            problems.append(f"cell {cell.get('id')} has saved outputs: clear them before committing")
    return problems


def main(args):
    clean = args[:1] == ["--clean"]
    paths = args[1:] if clean else args
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(paths[0], encoding="utf-8") as f:
        notebook = json.load(f)
    problems = check_clean(notebook) if clean else check_executed(notebook)
    for problem in problems:
        print(f"notebook: {problem}", file=sys.stderr)
    if not problems:
        print(f"notebook: {paths[0]} {'is clean' if clean else 'ran every cell and shows what it should'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
