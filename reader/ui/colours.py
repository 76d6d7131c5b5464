"""Entity colours that read in every theme: each type keeps its hue (people blue, places
green, organisations orange, other purple) and is lightened or darkened until it has a
contrast of at least :data:`MIN_CONTRAST` (WCAG) against the theme's backgrounds. ANSI
themes (the terminal's own palette) get the terminal's bright or dark ANSI colours."""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

MIN_CONTRAST = 4.5
BASE = {  # the hues on a dark background
    "entity-per": "#5fafff",
    "entity-loc": "#87d75f",
    "entity-org": "#ffaf5f",
    "entity-misc": "#d787ff",
}
ANSI = {
    True: {"entity-per": "ansi_bright_blue", "entity-loc": "ansi_bright_green",
           "entity-org": "ansi_bright_yellow", "entity-misc": "ansi_bright_magenta"},
    False: {"entity-per": "ansi_blue", "entity-loc": "ansi_green",
            "entity-org": "ansi_red", "entity-misc": "ansi_magenta"},
}
BACKGROUNDS = ("background", "surface", "panel")


def luminance(c: Color) -> float:
    """WCAG relative luminance of ``c``."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def backgrounds(theme: Theme) -> list[Color] | None:
    """The theme's opaque background colours, or None for an ANSI theme."""
    system = theme.to_color_system().generate()
    out = []
    for name in BACKGROUNDS:
        colour = Color.parse(system[name])
        if colour.ansi is not None:
            return None
        if colour.a > 0:
            out.append(colour)
    return out


def readable(base: Color, behind: list[Color], dark: bool) -> Color:
    """``base`` moved towards white (dark theme) or black until it reaches
    :data:`MIN_CONTRAST` against every colour in ``behind``."""
    target = Color(255, 255, 255) if dark else Color(0, 0, 0)
    colour = base
    for step in range(21):
        colour = base.blend(target, step / 20)
        if all(contrast(colour, b) >= MIN_CONTRAST for b in behind):
            return colour
    return colour


def entity_colours(theme: Theme) -> dict[str, str]:
    """$entity-per, $entity-loc, $entity-org, $entity-misc for ``theme``."""
    behind = backgrounds(theme)
    if behind is None:
        return dict(ANSI[theme.dark])
    return {name: readable(Color.parse(hex_), behind, theme.dark).hex
            for name, hex_ in BASE.items()}
