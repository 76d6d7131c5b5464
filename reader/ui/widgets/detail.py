"""The detail area under the entity panel: the selected entity and its background."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.core.model import LABEL_NAMES, Entity
from reader.core.sanitize import display_text, one_line
from reader.wiki.model import Background

HINT = "o open · y copy link · r refresh"


def age(seconds: float) -> str:
    """'just now', '5 minutes ago', '3 days ago'."""
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        n = int(seconds // size)
        if n >= 1:
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


class CandidateList(OptionList):
    """Pages a disambiguation offers; enter picks one."""

    class Picked(Message):
        def __init__(self, title: str) -> None:
            super().__init__()
            self.title = title

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Picked(event.option.id))


class DetailView(VerticalScroll):
    """Shows the selected entity: type, mentions, variants, and its Wikipedia background."""

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Select an entity to see its details.", "dim italic"),
                     id="detail-body", markup=False)
        yield CandidateList(id="candidates", markup=False)

    def on_mount(self) -> None:
        self.candidates.display = False

    @property
    def body(self) -> Static:
        return self.query_one("#detail-body", Static)

    @property
    def candidates(self) -> CandidateList:
        return self.query_one(CandidateList)

    def _header(self, entity: Entity) -> list[Content]:
        label = entity.label.lower()
        lines = [
            Content.styled(one_line(entity.name), f"bold $entity-{label}"),
            Content.assemble((LABEL_NAMES[entity.label], f"$entity-{label}"),
                             f" · {entity.count} mention{'s' if entity.count != 1 else ''}"),
        ]
        others = [one_line(v) for v in entity.variants if v != entity.name]
        if others:
            lines.append(Content.assemble(("also: ", "dim"), ", ".join(others)))
        return lines

    def _show(self, lines: list[Content], candidates: list[Option] | None = None) -> None:
        self.body.update(Content("\n").join(lines))
        self.candidates.clear_options()
        self.candidates.display = bool(candidates)
        # with candidates shown, tab goes straight to them rather than to this container
        self.can_focus = not candidates
        if candidates:
            self.candidates.add_options(candidates)
            self.candidates.highlighted = 0
        self.scroll_home(animate=False)

    def show_entity(self, entity: Entity | None, status: str = "") -> None:
        """The entity alone, with a status line (e.g. 'looking up…')."""
        if entity is None:
            self._show([Content.styled("Select an entity to see its details.", "dim italic")])
            return
        lines = self._header(entity)
        if status:
            lines += [Content(""), Content.styled(status, "italic dim")]
        self._show(lines)

    def show_error(self, entity: Entity, message: str) -> None:
        self._show([*self._header(entity), Content(""),
                    Content.styled(f"⚠ {one_line(message)}", "$warning"),
                    Content.styled("r retry", "dim")])

    def show_background(self, entity: Entity, bg: Background, offline: bool = False) -> None:
        lines = [*self._header(entity), Content("")]
        if bg.status == "missing":
            lines.append(Content.styled(f"No Wikipedia article found for "
                                        f"“{one_line(bg.query)}” ({bg.lang}).", "italic"))
            self._show(lines)
            return
        title = Content.styled(one_line(bg.title), "bold underline")
        if bg.description:
            title = Content.assemble(title, " — ", one_line(bg.description))
        lines.append(title)
        if bg.status == "ambiguous":
            lines += [Content.styled(
                "This name is ambiguous. Tab to the list below, enter picks the right page "
                "(remembered).", "italic")]
            options = [Option(Content.assemble(("• ", "dim"), one_line(c.title),
                                               (f" — {one_line(c.description)}", "dim")
                                               if c.description else ""), id=c.title)
                       for c in bg.candidates]
            self._show(lines, options or None)
            return
        if bg.extract:
            lines += [Content(""), Content(display_text(bg.extract))]
        lines += [Content(""), Content.styled(one_line(bg.url), "$accent")]
        source = f"cached {age(time.time() - bg.fetched_at)}" if bg.cached else "live"
        if offline:
            source += " · offline"
        lines.append(Content.styled(f"{bg.lang}.wikipedia · {source}", "dim"))
        if bg.note:
            lines.append(Content.styled(one_line(bg.note), "italic $warning"))
        lines.append(Content.styled(HINT, "dim"))
        self._show(lines)
