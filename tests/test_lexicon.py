"""Lexicon format, loaders (YAML, LIWC .dic, quanteda YAML) and validation errors."""

from __future__ import annotations

import hashlib
import importlib.resources
import textwrap
import warnings
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.errors import InputNotFoundError, LexiconError
from framing.match import Matcher
from framing.lexicon.load import LexiconWarning, check_lexicon, lexicon_from_dict, lexicon_names, load_lexicon

BUNDLED = {
    "actor_labels": {"terrorism", "extremism", "militancy", "separatism", "legitimising", "neutral"},
    "attribution": {"neutral", "endorsing", "distancing", "emphatic", "denial", "other"},
    "casualty": {
        "death", "death.emotive", "injury", "victims", "victims.children", "victims.women", "victims.civilians",
        "victims.security_forces", "victims.militants", "victims.people", "humanising", "emotive",
    },
    "hedging": None,
    "legitimacy": None,
    "evaluative": None,
}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# -- bundled lexicons -----------------------------------------------------------------


def test_bundled_names_and_categories():
    assert lexicon_names() == sorted(BUNDLED)
    assert framing.lexicon_names() == lexicon_names()
    for name, cats in BUNDLED.items():
        lx = load_lexicon(name)
        assert lx.name == name and lx.version and lx.language == "en"
        assert lx.references, f"{name} lists no references"
        if cats is not None:
            assert set(lx.categories) == cats
        for cat in lx.categories.values():
            assert cat.description, f"{name}.{cat.name} has no description"
            assert cat.terms or cat.children


def test_bundled_load_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error", LexiconWarning)
        for name in lexicon_names():
            load_lexicon(name)


def test_content_hash_is_sha256_of_file_bytes():
    for name in lexicon_names():
        data = (importlib.resources.files("framing.lexicons") / f"{name}.yaml").read_bytes()
        assert load_lexicon(name).content_hash == hashlib.sha256(data).hexdigest()


def test_nested_category_names_are_dotted():
    lx = load_lexicon("casualty")
    assert lx.categories["victims.children"].parent == "victims"
    assert "victims.children" in lx.categories["victims"].children
    assert lx.descendants("victims")[0] == "victims"
    assert "victims.women" in lx.descendants("victims")


@pytest.mark.parametrize(
    ("lexicon", "text", "expected"),
    [
        ("actor_labels", "terror group", [("terrorism", "terror group")]),
        ("actor_labels", "Terrorists", [("terrorism", "terrorists")]),
        ("actor_labels", "group", [("neutral", "group")]),
        ("actor_labels", "jihadist", [("extremism", "jihadist")]),
        ("actor_labels", "militant", [("militancy", "militant")]),
        ("actor_labels", "separatist", [("separatism", "separatist")]),
        ("actor_labels", "fighter jets", []),  # excluded: hardware, not an actor
        ("actor_labels", "freedom fighters", [("legitimising", "freedom fighters")]),
        ("actor_labels", "resistance to the plan", []),  # excluded: not an actor
        ("attribution", "according to", [("neutral", "according to")]),
        ("attribution", "pointed out", [("endorsing", "pointed out")]),
        ("attribution", "what it called", [("distancing", "what it called")]),
        ("attribution", "claimed", [("distancing", "claimed")]),
        ("attribution", "claimed responsibility", []),
        ("attribution", "slammed", [("emphatic", "slammed")]),
        ("attribution", "refuted", [("denial", "refuted")]),
        ("hedging", "said", []),  # "said" is not a hedge
        ("hedging", "allegedly", [("distancing", "allegedly")]),
        ("hedging", "so-called", [("distancing", "so-called")]),
        ("hedging", "May", []),  # the month, case-sensitive "may"
        ("hedging", "may", [("epistemic", "may")]),
        ("casualty", "death toll", [("death", "death toll")]),
        ("casualty", "6-year-old", [("humanising", "*-year-old")]),
        ("casualty", "children", [("victims.children", "children")]),
        ("legitimacy", "self-defence", [("justification", "self-defence")]),
        ("evaluative", "unprovoked", [("loaded", "unprovoked")]),
    ],
)
def test_bundled_terms(lexicon, text, expected):
    assert _lookup(load_lexicon(lexicon), text) == expected


def test_table_lists_every_term():
    lx = load_lexicon("attribution")
    table = lx.table()
    assert list(table.columns) == ["lexicon", "category", "term", "case_sensitive", "weight", "exclude", "line"]
    assert len(table[~table["exclude"]]) == len(lx.terms())
    assert table["line"].notna().all()


# -- loaders ------------------------------------------------------------------------


def test_yaml_file_with_nesting_case_and_weight(tmp_path):
    path = write(tmp_path, "mine.yaml", """\
        name: mine
        version: "2"
        description: test lexicon
        references: [Someone 2020]
        categories:
          actors:
            description: actors
            terms: [group]
            categories:
              states:
                description: states
                terms:
                  - {term: US, case_sensitive: true, weight: 2.5}
                  - Iran*
        """)
    lx = load_lexicon(path)
    assert lx.name == "mine" and lx.version == "2" and lx.references == ("Someone 2020",)
    assert list(lx.categories) == ["actors", "actors.states"]
    us = lx.categories["actors.states"].terms[0]
    assert us.case_sensitive and us.weight == 2.5 and us.line == 13
    assert _lookup(lx, "US") == [("actors.states", "US")]
    assert _lookup(lx, "us") == []
    assert _lookup(lx, "Iranian") == [("actors.states", "Iran*")]
    assert lx.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert load_lexicon(str(path)).name == "mine"


def test_liwc_dic(tmp_path):
    path = write(tmp_path, "tiny.dic", """\
        %
        1\tposemo
        2\tnegemo
        3\tdeath
        %
        happ*\t1
        kill*\t2\t3
        dead\t3
        good\t1
        """)
    lx = load_lexicon(path)
    assert lx.format == "dic" and lx.name == "tiny"
    assert set(lx.categories) == {"posemo", "negemo", "death"}
    # a word in two categories counts in both, as in LIWC
    assert sorted(_lookup(lx, "killed")) == [("death", "kill*"), ("negemo", "kill*")]
    assert _lookup(lx, "happiness") == [("posemo", "happ*")]


def test_liwc_dic_errors(tmp_path):
    path = write(tmp_path, "bad.dic", "%\n1\tposemo\n%\nhapp*\t1\nsad\t7\n")
    with pytest.raises(LexiconError, match=r"bad\.dic:5: entry 'sad': category number 7 is not defined"):
        load_lexicon(path)
    path = write(tmp_path, "nohead.dic", "happy 1\n")
    with pytest.raises(LexiconError, match=r"nohead\.dic:1"):
        load_lexicon(path)


def test_quanteda_yaml(tmp_path):
    path = write(tmp_path, "qdict.yml", """\
        economy:
          - tax*
          - unemployment
        conflict:
          violence: [kill*, "armed attack"]
          peace:
            - ceasefire
        """)
    lx = load_lexicon(path)
    assert lx.format == "quanteda" and lx.name == "qdict"
    assert set(lx.categories) == {"economy", "conflict", "conflict.violence", "conflict.peace"}
    assert _lookup(lx, "taxes") == [("economy", "tax*")]
    assert _lookup(lx, "armed attack") == [("conflict.violence", "armed attack")]


def test_quanteda_question_mark_wildcard_rejected(tmp_path):
    path = write(tmp_path, "q.yml", "economy:\n  - tax?s\n")
    with pytest.raises(LexiconError, match=r"q\.yml:2: .*'\?' is not supported"):
        load_lexicon(path)


def test_lexicon_from_dict_and_objects_pass_through():
    lx = lexicon_from_dict({"name": "d", "version": "1", "categories": {"a": {"terms": ["x"]}}})
    assert load_lexicon(lx) is lx
    assert len(lx.content_hash) == 64


def test_missing_file():
    with pytest.raises(InputNotFoundError, match="neither a bundled lexicon nor a readable file"):
        load_lexicon("no_such_lexicon")
    with pytest.raises(InputNotFoundError):
        load_lexicon(Path("/nonexistent/dir/lex.yaml"))


# -- validation errors: each names the file, the line and the entry --------------------

VALID_HEAD = 'name: t\nversion: "1"\ncategories:\n'


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("  a:\n    terms: [x]\n    colour: red\n", 4, r"category 'a': unknown key\(s\) \['colour'\]"),
        ("  a:\n    terms: []\n", 4, r"category 'a' is empty"),
        ("  a:\n", 4, r"category 'a' is empty"),
        ("  a:\n    terms: [ter*ror]\n", 5, r"term 'ter\*ror': wildcard in the middle of the word"),
        ("  a:\n    terms: ['*']\n", 5, r"term '\*': .*only a wildcard"),
        ("  a:\n    terms: ['**x']\n", 5, r"repeated '\*'"),
        ("  a:\n    terms:\n      - {term: x, wieght: 2}\n", 6, r"unknown key\(s\) \['wieght'\] in term"),
        ("  a:\n    terms:\n      - {term: x, case_sensitive: maybe}\n", 6, r"case_sensitive must be true or false"),
        ("  a:\n    terms:\n      - {term: x, weight: heavy}\n", 6, r"weight must be a finite number"),
        ("  a:\n    terms:\n      - {weight: 2}\n", 6, r"has no 'term' key"),
        ("  a.b:\n    terms: [x]\n", 4, r"category name 'a\.b' may only contain"),
        ("  a:\n    terms: [x]\n    exclude: oops\n", 6, r"'exclude' must be a list"),
        ("  a:\n    terms: [x]\n  a:\n    terms: [y]\n", 6, r"key 'a' appears twice"),
    ],
)
def test_validation_errors(tmp_path, body, line, message):
    path = write(tmp_path, "bad.yaml", VALID_HEAD + body)
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon(path)
    assert f"{path}:{line}" in str(info.value)


def test_unknown_and_missing_top_level_keys(tmp_path):
    path = write(tmp_path, "top.yaml", 'name: t\nauthor: me\ncategories:\n  a:\n    terms: [x]\n')
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    text = str(info.value)
    assert f"{path}:2: unknown top-level key 'author'" in text
    assert "missing required key 'version'" in text


def test_all_problems_reported_together(tmp_path):
    path = write(tmp_path, "many.yaml", VALID_HEAD + "  a:\n    terms: [te*st]\n  b:\n    terms: []\n")
    with pytest.raises(LexiconError, match=r"2 problems in lexicon") as info:
        load_lexicon(path)
    assert f"{path}:5" in str(info.value) and f"{path}:6" in str(info.value)


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "broken.yaml", VALID_HEAD + "  a:\n    terms: [x, y\n  b: 1\n")
    with pytest.raises(LexiconError, match=r"malformed YAML") as info:
        load_lexicon(path)
    assert str(path) in str(info.value)
    assert f"{path}:" in str(info.value)


def test_yaml_is_loaded_safely(tmp_path):
    marker = tmp_path / "executed"
    path = write(tmp_path, "evil.yaml", VALID_HEAD.replace(
        'name: t', f'name: !!python/object/apply:os.system ["touch {marker}"]') + "  a:\n    terms: [x]\n")
    with pytest.raises(LexiconError):
        load_lexicon(path)
    assert not marker.exists()


def test_duplicates_across_categories_warn(tmp_path):
    path = write(tmp_path, "dup.yaml", VALID_HEAD + "  a:\n    terms: [killed, x]\n  b:\n    terms: [Killed]\n")
    with pytest.warns(LexiconWarning, match=r"'Killed' in 'a' \(line 5\) and 'b' \(line 7\)"):
        lx = load_lexicon(path)
    lx2, warns = check_lexicon(path)
    assert lx2.name == "t" and len(warns) == 1 and "dup.yaml" in warns[0]
    # the match counts in both categories
    assert sorted(_lookup(lx, "killed")) == [("a", "killed"), ("b", "Killed")]


def test_two_lexicons_with_one_name_rejected():
    from framing.lexicon.load import resolve_lexicons

    a = lexicon_from_dict({"name": "same", "version": "1", "categories": {"a": {"terms": ["x"]}}})
    b = lexicon_from_dict({"name": "same", "version": "1", "categories": {"b": {"terms": ["y"]}}})
    with pytest.raises(LexiconError, match="share the name"):
        resolve_lexicons([a, b])


def _found(text: str, lexicon: str) -> list[tuple[str, str]]:
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["o"], "text": [text]})
    m = framing.find(corpus, lexicons=[lexicon]).sort_values("start")
    return list(zip(m["match"], m["category"]))


def test_actor_labels_review_of_common_news_uses():
    found = _found(
        "A paramilitary group and Salafist fighters joined the separatist movement. "
        "The gunman opened fire at a school, the network reported. "
        "Islamic Jihad fired rockets. Troop movements were seen near a minority group's villages. "
        "More militant activists marched.",
        "actor_labels",
    )
    assert ("paramilitary group", "militancy") in found
    assert ("Salafist", "extremism") in found and ("fighters", "militancy") in found
    assert ("separatist movement", "separatism") in found
    words = {w.lower() for w, _ in found}
    # a lone shooter, a broadcaster, an organisation's name, troops moving and a social group are not actor labels
    assert not words & {"gunman", "network", "jihad", "movements", "group", "militant"}, found


def test_domestic_and_boilerplate_uses_are_not_framing_terms():
    legit = _found(
        "Police seized illegal guns and illegal drugs. A counterterrorism official spoke in response to "
        "questions, out of fear of retaliation. The strike was illegal and came in retaliation for the raid.",
        "legitimacy",
    )
    assert [w for w, _ in legit] == ["illegal", "retaliation"]
    hedges = _found("You may opt out at any time. Act as soon as possible. The toll may rise.", "hedging")
    assert [w for w, _ in hedges] == ["may"]
    loaded = _found("He is serious about talks. The situation is serious.", "evaluative")
    assert [w for w, _ in loaded] == ["serious"]


def _lookup(lexicon, text):
    """(category, term) pairs of the lexicon's whole-text matches."""
    return [(category, term) for _, category, term in Matcher(lexicon).lookup(text)]
