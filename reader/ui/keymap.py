"""Every key of the reading app in one place, each binding with an id.

The ids are what a user's config overrides (``[keys] next_mention = "ctrl+n"``, see
:mod:`reader.ui.settings`), through Textual's keymap; the help screen and the README's key
table list these bindings.
"""

from __future__ import annotations

from textual.binding import Binding

from reader.core.model import LABEL_NAMES, Label

TYPE_KEYS: dict[str, Label] = {"1": "PER", "2": "LOC", "3": "ORG", "4": "MISC"}

APP = [
    Binding("q", "quit", "Quit", tooltip="Quit reader", id="quit"),
    Binding("question_mark", "help", "Help", tooltip="This list of keys", id="help"),
]

READING = [
    # q and ? again, first, so the footer shows them even in an 80-column terminal
    Binding("q", "app.quit", "Quit", tooltip="Quit reader", id="quit_reading"),
    Binding("question_mark", "app.help", "Help", tooltip="This list of keys",
            id="help_reading"),
    Binding("slash", "filter", "Filter", tooltip="Filter the entity list by typing",
            id="filter"),
    Binding("s", "search", "Search", tooltip="Search the article text for a phrase",
            id="search"),
    Binding("n", "next_mention", "Next", tooltip="Next mention of the selected entity",
            id="next_mention"),
    Binding("N", "previous_mention", "Prev", tooltip="Previous mention (wraps around)",
            id="previous_mention"),
    Binding("p", "passages", "Passages",
            tooltip="Every mention of the selected entity in its sentence; enter goes there",
            id="passages"),
    Binding("T", "contents", "Contents", show=False,
            tooltip="A book's table of contents: enter goes to the chapter", id="contents"),
    Binding("l", "toggle_panel", "Entities", show=True,
            tooltip="Show or hide the entity panel (a drawer in a narrow terminal)",
            id="toggle_panel"),
    Binding("right_square_bracket", "next_match", "Next match", show=False,
            tooltip="Next match of the search", id="next_match"),
    Binding("left_square_bracket", "previous_match", "Previous match", show=False,
            tooltip="Previous match of the search", id="previous_match"),
    Binding("o", "open_page", "Open page", tooltip="Open the Wikipedia page in a browser",
            id="open_page"),
    Binding("y", "copy_link", "Copy link", tooltip="Copy the Wikipedia page's URL",
            id="copy_link"),
    Binding("r", "refresh", "Retry/refresh", tooltip="Retry a failed lookup, refresh one",
            id="refresh"),
    # the Wikipedia page (issue 15): the detail pane does the work
    Binding("w", "read_article", "Article", show=False,
            tooltip="Read the entity's whole Wikipedia article here (esc comes back)",
            id="read_article"),
    Binding("c", "choose_page", "Choose page", show=False,
            tooltip="Choose another Wikipedia page for the name, or forget your pick",
            id="choose_page"),
    *(Binding(k, f"toggle_type('{lab}')", LABEL_NAMES[lab], show=False,
              tooltip=f"Show or hide {LABEL_NAMES[lab]}", id=f"toggle_{lab.lower()}")
      for k, lab in TYPE_KEYS.items()),
]

CORRECTIONS = [
    Binding("x", "hide_entity", "Not an entity", show=False,
            tooltip="Correct: the selected entity is not one (hide it)", id="hide_entity"),
    Binding("t", "change_type", "Change type", show=False,
            tooltip="Correct: give the selected entity another type", id="change_type"),
    Binding("m", "merge_entity", "Merge", show=False,
            tooltip="Correct: merge the selected entity into another", id="merge_entity"),
    Binding("v", "split_variant", "Split variant", show=False,
            tooltip="Correct: split a variant off the selected entity", id="split_variant"),
    Binding("u", "undo_correction", "Undo", show=False,
            tooltip="Undo the last correction of this article", id="undo_correction"),
]

SEARCH_HELP = [
    ("s", "Type a phrase: matches are highlighted and counted as you type"),
    ("enter", "Keep the search and go to the first match after the top of the screen"),
    ("] [", "Next, previous match"),
    ("esc", "End the search (in the article or the search box)"),
]
