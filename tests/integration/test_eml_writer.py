"""Mail drafts: what the email package writes, read back with its parser."""

from __future__ import annotations

import mailbox
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import UserError
from desktop_app.domain.mail_kinds import MailAddress
from desktop_app.io.draft_folder import DraftFolder
from desktop_app.io.eml_writer import (
    Attachment,
    Draft,
    DraftComposer,
    build_message,
    draft_bytes,
    header_address,
)

SENDER = MailAddress("Zoë Staff", "zoe@example.org")
ICS = b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nSUMMARY:Caf\xc3\xa9\r\nEND:VCALENDAR\r\n"
CALENDAR = Attachment(
    "Session - Café.ics", "text/calendar", ICS, (("method", "REQUEST"), ("charset", "utf-8"))
)


def draft(
    to: MailAddress, subject: str = "Tomorrow: Café talk", text: str = "Dear Ann,\n"
) -> Draft:
    return Draft(SENDER, to, subject, text, f"<p>{text}</p>", (CALENDAR,))


def parse(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_a_draft_is_ready_to_send_with_text_html_and_calendar() -> None:
    message = parse(draft_bytes(draft(MailAddress("Ann Lee", "ann@example.org"))))
    assert message["X-Unsent"] == "1"
    assert "Date" not in message and "Message-ID" not in message
    assert str(message["From"]) == "Zoë Staff <zoe@example.org>"
    assert message.get_content_type() == "multipart/mixed"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and text.get_content() == "Dear Ann,\r\n"  # CRLF, as sent
    assert html is not None and html.get_content() == "<p>Dear Ann,\r\n</p>\r\n"
    (calendar,) = message.iter_attachments()
    assert isinstance(calendar, EmailMessage)
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_filename() == "Session - Café.ics"
    assert calendar.get_content() == ICS.decode("utf-8")


def test_every_line_ends_in_crlf_and_headers_fit() -> None:
    data = draft_bytes(draft(MailAddress("Ann", "ann@example.org"), "x" * 10 + " word" * 30))
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 78 for line in data.split(b"\r\n"))


@pytest.mark.parametrize(
    "name",
    [
        "Ngozi Adeyemi",
        "Ana Luíza Conceição",
        "Zoë O'Brien, PhD",
        'Quote "me" \\ back',
        "李小龍",
        "J. R. R. Tolkien",
        "=?utf-8?q?not_an_encoded_word?=",
        "Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé",
        "",
    ],
)
def test_names_are_encoded_so_they_read_back_the_same(name: str) -> None:
    composer = DraftComposer()
    data = composer.compose(draft(MailAddress(name, "person@example.org")))
    to = parse(data)["To"]
    assert to.defects == ()
    assert to.addresses[0].addr_spec == "person@example.org"
    # RFC 2047 decoding (what mail programs do); the modern parser puts a space between
    # two adjacent encoded words, which only very long non-ASCII names need.
    raw = data.split(b"\r\nSubject:")[0].split(b"To: ", 1)[1].decode("ascii")
    decoded = str(make_header(decode_header(raw.replace("\r\n", ""))))
    assert decoded == (f"{name} <person@example.org>" if name else "person@example.org") or (
        # formataddr quotes names with specials: the quotes are not part of the name.
        to.addresses[0].display_name == name
    )
    if len(name) < 40:
        assert to.addresses[0].display_name == name


names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    max_size=60,
).map(lambda s: " ".join(s.split()))
bodies = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@settings(max_examples=60, deadline=None)
@given(name=names, subject=st.text(max_size=120), text=bodies)
def test_the_composer_writes_what_the_email_package_writes(
    name: str, subject: str, text: str
) -> None:
    composer = DraftComposer()
    one = draft(MailAddress(name, "someone@example.org"), " ".join(subject.split()) or "S", text)
    fast = composer.compose(one)
    whole = build_message(one, composer.boundaries).as_bytes()
    fast_to, fast_rest = _split_to(fast)
    whole_to, whole_rest = _split_to(whole)
    assert fast_rest == whole_rest  # every byte but the To line
    if fast_to != whole_to:  # names that need quoting or encoding: same when read back
        assert parse(fast)["To"].addresses[0].addr_spec == "someone@example.org"
        assert _decoded(fast_to) == _decoded(whole_to)
    message = parse(fast)
    body = message.get_body(("plain",))
    assert body is not None
    lines = [line.decode("utf-8") for line in text.encode("utf-8").splitlines()]
    assert body.get_content() == "\r\n".join(lines) + "\r\n"


def test_plain_names_take_the_same_bytes_as_the_email_package() -> None:
    composer = DraftComposer()
    for name in ("Ann Lee", "Mary-Jane O'Neil", "", "A" * 60):
        one = draft(MailAddress(name, "ann.lee+webinar@example.org"))
        assert composer.compose(one) == build_message(one, composer.boundaries).as_bytes()


def test_a_line_too_long_for_8bit_is_quoted_printable_and_still_the_same_bytes() -> None:
    composer = DraftComposer()
    for text in ("short line\n", "ü" * 600 + "\nnext\n"):  # 1,200 octets: over 998
        one = draft(MailAddress("Ann Lee", "ann@example.org"), text=text)
        data = composer.compose(one)
        assert data == build_message(one, composer.boundaries).as_bytes()
        assert all(len(line) <= 998 for line in data.split(b"\r\n"))
        body = parse(data).get_body(("plain",))
        assert body is not None and body.get_content().replace("\r\n", "\n") == text
        expected = "8bit" if len(text) < 100 else "quoted-printable"
        assert body["Content-Transfer-Encoding"] == expected


def _split_to(data: bytes) -> tuple[bytes, bytes]:
    """The To header (with its folded lines) and the rest of the message."""
    start = data.index(b"\r\nTo:") + 2
    end = data.index(b"\r\nSubject:", start) + 2
    return data[start:end], data[:start] + data[end:]


def _decoded(header: bytes) -> str:
    """A To line as RFC 2047 decoding reads it, quotes and white space aside."""
    value = header.decode("ascii").replace("\r\n", "")[3:]
    text = str(make_header(decode_header(value)))
    return " ".join(text.replace('"', "").replace("\\", "").split())


def test_addresses_with_a_foreign_domain_use_its_ascii_form() -> None:
    assert header_address("ana@exämple.org") == "ana@xn--exmple-cua.org"
    assert header_address("josé@example.org") is None
    assert header_address("ann@example.org") == "ann@example.org"


def test_a_folder_of_drafts_and_its_mbox(tmp_path: Path) -> None:
    target = tmp_path / "drafts"
    composer = DraftComposer()
    people = [MailAddress(f"Person {n}", f"p{n}@example.org") for n in range(5)]
    with DraftFolder(target, "Reminder - Café talk") as folder:
        for person in people:
            folder.add(person.name, composer.compose(draft(person, text="From here on\n")))
    files = sorted(target.glob("*.eml"))
    assert [f.name for f in files] == [f"{n + 1:05d} Person {n}.eml" for n in range(5)]
    box = mailbox.mbox(target / "Reminder - Café talk.mbox")
    try:
        messages = list(box)
        assert [m["To"] for m in messages] == [f"Person {n} <p{n}@example.org>" for n in range(5)]
        body = parse(messages[0].as_bytes()).get_body(("plain",))
        assert body is not None and body.get_content() == ">From here on\n"  # mbox quoting
    finally:
        box.close()
    assert not list(tmp_path.glob(".*.part"))


def test_a_failure_leaves_no_folder_and_a_full_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "drafts"
    with pytest.raises(RuntimeError), DraftFolder(target, "x") as folder:
        folder.add("one", b"x")
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []
    target.mkdir()
    (target / "old.eml").write_bytes(b"old")
    with pytest.raises(UserError, match="not empty"):
        DraftFolder(target, "x")
    assert (target / "old.eml").read_bytes() == b"old"
