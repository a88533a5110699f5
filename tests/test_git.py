"""Teams without a cloud: `cxmapper diff` and `cxmapper merge` on their own and as git's diff
and merge drivers, in a real repository with two branches."""

import shutil
import subprocess
import sys

import pytest
from test_cli import cxmapper

from cxmapper.model.fileformat import load_map, map_to_bytes
from cxmapper.model.journey import Stage, Touchpoint
from cxmapper.model.templates import load_template

GIT = shutil.which("git")


def test_diff_says_what_changed_and_exits_like_diff(tmp_path):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    journey = load_template("product-lifecycle")
    old.write_bytes(map_to_bytes(journey))
    journey.touchpoints[0].title = "Sees a TikTok ad"
    journey.touchpoints[1].feeling = -2
    journey.touchpoints[2].stage_id = "stage-usage"
    journey.stages.append(Stage(id="stage-advocacy", name="Advocacy"))
    journey.departments[0].name = "Growth"
    new.write_bytes(map_to_bytes(journey))
    done = cxmapper("diff", old, new)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert 'Touchpoint renamed: "Sees a social media ad" → "Sees a TikTok ad"' in lines
    assert any("feeling" in line and "-2 (very negative)" in line for line in lines)
    assert any('moved from stage "Purchase" to "Usage"' in line for line in lines)
    assert 'Stage added: "Advocacy" after "Renewal & upgrade"' in lines
    assert 'Department renamed: "Marketing" → "Growth"' in lines
    same = cxmapper("diff", old, old)
    assert same.returncode == 0 and same.stdout == ""
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    broken = cxmapper("diff", old, bad)
    assert broken.returncode == 2 and "not valid JSON" in broken.stderr


def test_merge_writes_into_ours_or_out_and_lists_conflicts(tmp_path):
    base = load_template("product-lifecycle")
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.touchpoints[0].feeling, theirs.touchpoints[0].feeling = -1, 1
    theirs.touchpoints.append(
        Touchpoint(id="tp-friend", title="Asks a friend", stage_id="stage-awareness", position=3)
    )
    paths = {}
    for name, journey in (("base", base), ("ours", ours), ("theirs", theirs)):
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_bytes(map_to_bytes(journey))
    out = tmp_path / "out.json"
    done = cxmapper("merge", paths["base"], paths["ours"], paths["theirs"], "-o", out)
    assert done.returncode == 1
    assert "conflict" in done.stderr and "+1 (positive)" in done.stderr
    merged = load_map(out)
    assert merged.touchpoints[0].feeling == -1  # ours kept
    assert any(t.title == "Asks a friend" for t in merged.touchpoints)
    clean = cxmapper("merge", paths["base"], paths["base"], paths["theirs"])
    assert clean.returncode == 0
    assert load_map(paths["base"]) == load_map(paths["theirs"])  # written into OURS


def _git(repo, *args):
    done = subprocess.run([GIT, "-C", repo, *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_a_real_git_merge_of_two_branches_that_both_edited_a_map(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "team@example.com")
    _git(repo, "config", "user.name", "Team")
    command = f'"{sys.executable}" -m cxmapper'
    (repo / ".gitattributes").write_text("*.json merge=cxmapper diff=cxmapper\n")
    _git(repo, "config", "merge.cxmapper.name", "cxmapper journey maps")
    _git(repo, "config", "merge.cxmapper.driver", f"{command} merge %O %A %B %P")
    _git(repo, "config", "diff.cxmapper.command", f"{command} diff")
    journey = load_template("product-lifecycle")
    (repo / "map.json").write_bytes(map_to_bytes(journey))
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "the workshop's map")
    _git(repo, "checkout", "-qb", "designer")
    theirs = load_map(repo / "map.json")
    theirs.touchpoints[0].title = "Sees a TikTok ad"  # the designer renames...
    theirs.touchpoints[5].pain_points.append("The box is too heavy to carry")
    (repo / "map.json").write_bytes(map_to_bytes(theirs))
    _git(repo, "commit", "-qam", "designer's pass")
    _git(repo, "checkout", "-q", "main")
    ours = load_map(repo / "map.json")
    ours.touchpoints[0].feeling = 2  # ...the facilitator re-feels the same card
    ours.touchpoints[5].pain_points.append("Nobody says when it will arrive")
    ours.stages.append(Stage(id="stage-advocacy", name="Advocacy"))
    (repo / "map.json").write_bytes(map_to_bytes(ours))
    _git(repo, "commit", "-qam", "second workshop")
    shown = _git(repo, "diff", "HEAD~1", "--", "map.json")
    assert 'Stage added: "Advocacy"' in shown and "feeling 0 (neutral) → +2" in shown
    _git(repo, "merge", "-q", "designer", "-m", "merge the designer's pass")
    merged = load_map(repo / "map.json")  # a valid map, no conflict markers
    first = merged.touchpoints[0]
    assert (first.title, first.feeling) == ("Sees a TikTok ad", 2)
    pains = merged.touchpoints[5].pain_points
    assert "The box is too heavy to carry" in pains and "Nobody says when it will arrive" in pains
    assert merged.stages[-1].name == "Advocacy"
    assert b"<<<<<<<" not in (repo / "map.json").read_bytes()
    # a map renamed and edited (git gives the driver nine arguments), and a JSON file that is
    # not a map (shown as text): git diff goes through both
    _git(repo, "mv", "map.json", "workshop.json")
    renamed = load_map(repo / "workshop.json")
    renamed.touchpoints[0].feeling = -1
    (repo / "workshop.json").write_bytes(map_to_bytes(renamed))
    (repo / "package.json").write_text('{"name": "not a map"}\n')
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "renamed, and a package file")
    shown = _git(repo, "diff", "-M", "HEAD~1", "HEAD")
    assert "feeling +2 (very positive) → -1 (negative)" in shown
    assert "package.json is not a map cxmapper can read" in shown and '+{"name"' in shown


def _maps(tmp_path, **sides):
    paths = {}
    for name, journey in sides.items():
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_bytes(map_to_bytes(journey))
    return paths


def test_merge_replaces_an_existing_out_only_with_force(tmp_path):
    base = load_template("product-lifecycle")
    theirs = base.model_copy(deep=True)
    theirs.title = "Theirs"
    paths = _maps(tmp_path, base=base, ours=base, theirs=theirs)
    out = tmp_path / "out.json"
    out.write_text("my notes, not a map\n", encoding="utf-8")
    done = cxmapper("merge", paths["base"], paths["ours"], paths["theirs"], "-o", out)
    assert done.returncode == 2
    assert "already exists; add --force to replace it" in done.stderr
    assert out.read_text(encoding="utf-8") == "my notes, not a map\n"
    done = cxmapper("merge", paths["base"], paths["ours"], paths["theirs"], "-o", out, "--force")
    assert done.returncode == 0, done.stderr
    assert load_map(out).title == "Theirs"
    assert (tmp_path / "out.json.bak").read_text(encoding="utf-8") == "my notes, not a map\n"
    assert load_map(paths["ours"]).title == base.title  # OURS untouched when OUT is given


def test_diff_and_merge_show_direction_overrides_and_control_characters_visibly(tmp_path):
    """A rename to "Pays <U+202E>txt.exe" must not read as "Pays exe.txt", and nothing a file
    holds may drive the terminal; the merged map keeps the text as it was."""
    base = load_template("product-lifecycle")
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.touchpoints[0].title = "Pays \u202etxt.exe"
    theirs.touchpoints[0].title = "Pays \u2066online\u2069 \u200fnow"
    paths = _maps(tmp_path, base=base, ours=ours, theirs=theirs)
    printed = []

    def run(*args):
        done = cxmapper(*args)
        printed.extend((done.stdout, done.stderr))
        return done

    done = run("diff", paths["base"], paths["ours"])
    assert done.returncode == 1
    assert 'Touchpoint renamed: "Sees a social media ad" → "Pays <U+202E>txt.exe"' in done.stdout
    merged = tmp_path / "merged.json"
    done = run("merge", paths["base"], paths["ours"], paths["theirs"], "-o", merged)
    assert done.returncode == 1
    assert "<U+202E>txt.exe" in done.stderr and "<U+2066>online<U+2069> <U+200F>now" in done.stderr
    assert load_map(merged).touchpoints[0].title == "Pays \u202etxt.exe"  # the data as written
    # a file that is not a map, shown as text as git's diff driver (escape sequences inside),
    # and a file name holding them
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text('{"a": 1}\n', encoding="utf-8")
    new.write_text('{"a": "\x1b[2J\x1b]0;pwned\x07"}\n', encoding="utf-8")
    done = run("diff", "pkg.json", old, "0" * 40, "100644", new, "1" * 40, "100644")
    assert done.returncode == 0 and '+{"a": "<U+001B>[2J<U+001B>]0;pwned<U+0007>"}' in done.stdout
    missing = tmp_path / "no\x1b[31msuch.json"
    done = run("diff", paths["base"], missing)
    assert done.returncode == 2 and "no<U+001B>[31msuch.json" in done.stderr
    hidden = ("\u202e", "\u2066", "\u2069", "\u200f", "\x1b", "\x07")
    assert not any(c in shown for shown in printed for c in hidden)
