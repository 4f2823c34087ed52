"""How the archive attributes a quote when someone cites it."""

from interviews.models import Turn


def turn_citation(turn: Turn, *, url: str) -> str:
    """A ready-to-paste attribution: who, as whom, on what, when, and the link to the quote.

    `Rukmini Callimachi (The New York Times), “Title”, PBS NewsHour, 19 October 2016. <url>`;
    the turn should come from `Turn.objects.for_display()` (its affiliation at the time).
    """
    who = turn.speaker_name
    affiliation = getattr(turn, "affiliation", None)
    if affiliation:
        who = f"{who} ({affiliation})"
    segment = turn.segment
    parts = [who, f"“{segment.title}”"]
    if segment.program_id:
        parts.append(segment.program.name)
    if segment.air_date:
        parts.append(f"{segment.air_date.day} {segment.air_date:%B %Y}")
    return f"{', '.join(parts)}. {url}"
