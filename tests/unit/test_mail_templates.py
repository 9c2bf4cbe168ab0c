"""Mail templates: placeholders checked, filled in, and warned about when empty."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.mail_kinds import MailAddress, MailKind, Recipient, kind_label
from desktop_app.domain.mail_templates import (
    PLACEHOLDERS,
    MailTemplate,
    builtin_template,
    builtin_templates,
    compile_text,
    empty_warnings,
    render,
    validate_template,
)
from desktop_app.domain.mail_values import recipient_values, session_values, text_to_html
from tests.unit.test_calendar_events import FACTS as CALENDAR_FACTS

# The calendar tests' session, bare: no subtitle, description, After Hours or speakers.
FACTS = replace(
    CALENDAR_FACTS,
    sequence=0,
    subtitle="",
    description="",
    after_hours_minutes=None,
    after_hours_host_id=None,
    after_hours_host_name="",
    tech_check=None,
    speaker_names=(),
    speaker_ids=(),
)
SENDER = MailAddress("Zoë Staff", "zoe@example.org")


def values_for(recipient: Recipient) -> dict[str, str]:
    return recipient_values(session_values(FACTS, SENDER), FACTS, recipient)


def test_every_placeholder_has_a_value_and_nothing_else_does() -> None:
    assert set(values_for(Recipient("a@example.org"))) == set(PLACEHOLDERS)


def test_placeholders_are_filled_in() -> None:
    compiled = compile_text("Dear {first_name}, join {session_title} at {join_link}.")
    text = render(compiled, values_for(Recipient("a@example.org", "Ngozi", "Adeyemi")))
    assert text == "Dear Ngozi, join No More Status Quo Contracting at https://example.org/j/1."


def test_the_start_is_in_the_recipients_own_zone_when_known_else_in_every_zone() -> None:
    berlin = values_for(Recipient("a@example.org", zone="Europe/Berlin"))
    assert berlin["start_in_your_zone"] == "Wed 4 Aug 2021, 19:00 CEST"
    unknown = values_for(Recipient("b@example.org"))
    assert unknown["start_in_your_zone"] == "Wed 4 Aug 2021 · 10:00 PT / 13:00 ET"
    assert unknown["start_home"] == "Wed 4 Aug 2021, 10:00 PT"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Dear {frist_name}", "{frist_name} is not a placeholder"),
        ("{first_name!r}", "{first_name!r} is not a placeholder"),
        ("{first_name:>10}", "{first_name:>10} is not a placeholder"),
        ("{first_name.__class__}", "is not a placeholder"),
        ("{}", "{} is not a placeholder"),
        ("an open { brace", "write a literal { or } as {{ or }}"),
    ],
)
def test_mistakes_in_a_template_are_named(text: str, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_template(MailTemplate("Mine", MailKind.REMINDER, "Subject", text))
    assert says in str(caught.value)


def test_literal_braces_survive() -> None:
    assert render(compile_text("{{not a placeholder}}"), {}) == "{not a placeholder}"


def test_a_template_needs_a_name_subject_and_body() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_template(MailTemplate(" ", MailKind.THANKS, "", "  "))
    assert set(caught.value.problems) == {"name", "subject", "body"}


def test_empty_placeholders_are_counted_per_recipient() -> None:
    template = MailTemplate("T", MailKind.THANKS, "Hi {first_name}", "{recording_link} {email}")
    rows = [
        values_for(Recipient("a@example.org", "Ada")),
        values_for(Recipient("b@example.org", "")),
        values_for(Recipient("c@example.org", "Cy")),
    ]
    assert empty_warnings(template, rows) == [
        "{first_name} is empty for 1 of 3 recipients",
        "{recording_link} is empty for all 3 recipients",
    ]


def test_every_builtin_template_is_valid_and_every_kind_has_one() -> None:
    kinds = set()
    for template in builtin_templates():
        assert validate_template(template).placeholders() == template.placeholders()
        kinds.add(template.kind)
    assert kinds == set(MailKind)
    assert builtin_template(MailKind.REMINDER, "hour-before").name == kind_label(
        MailKind.REMINDER, "hour-before"
    )


def test_html_escapes_text_and_links_addresses() -> None:
    page = text_to_html("Dear <Ann & Co>,\n\nJoin: https://example.org/j/1?a=1&b=2.\nBye")
    assert "&lt;Ann &amp; Co&gt;" in page
    assert (
        '<a href="https://example.org/j/1?a=1&amp;b=2">https://example.org/j/1?a=1&amp;b=2</a>.'
        in page
    )
    assert page.count("<p>") == 2 and "<br>" in page
