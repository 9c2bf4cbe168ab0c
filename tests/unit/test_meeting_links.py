"""Meeting ID and passcode from the session's fields, or from what its join link carries."""

from __future__ import annotations

import pytest

from desktop_app.domain.meeting_links import meeting_details, zoom_spacing


@pytest.mark.parametrize(
    ("link", "meeting_id", "passcode", "in_link"),
    [
        ("https://us02web.zoom.us/j/85012345678?pwd=aBcD1234", "850 1234 5678", "", True),
        ("https://zoom.us/w/9876543210", "987 654 3210", "", False),
        ("https://agency.zoomgov.com/j/1601234567", "160 123 4567", "", False),
        (
            "https://teams.microsoft.com/meet/2612345678901?p=Xy7Ab2",
            "261 234 567 890 1",
            "Xy7Ab2",
            False,
        ),
        ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0", "", "", False),
        ("https://meet.google.com/abc-defg-hij", "abc-defg-hij", "", False),
        ("", "", "", False),
        ("https://example.org/webinar", "", "", False),
    ],
)
def test_what_a_link_carries(link: str, meeting_id: str, passcode: str, in_link: bool) -> None:
    details = meeting_details(link)
    assert (details.meeting_id, details.passcode, details.passcode_in_link) == (
        meeting_id,
        passcode,
        in_link,
    )


def test_the_sessions_own_fields_win() -> None:
    details = meeting_details("https://zoom.us/j/85012345678?pwd=x", " 850 000 0000 ", "314159")
    assert (details.meeting_id, details.passcode, details.passcode_text) == (
        "850 000 0000",
        "314159",
        "314159",
    )
    assert not details.passcode_in_link
    assert meeting_details("https://zoom.us/j/85012345678?pwd=x").passcode_text.startswith(
        "in the link"
    )
    assert meeting_details("https://zoom.us/j/85012345678").passcode_text == ""


def test_zoom_spacing() -> None:
    assert zoom_spacing("123456789") == "123 456 789"
    assert zoom_spacing("1234567890") == "123 456 7890"
    assert zoom_spacing("12345678901") == "123 4567 8901"
