"""Times writing 10,000 reminder drafts (.eml each, plus the .mbox) for one session, as a
ratio to the floor: the same drafts' bytes composed by the bare email package (one
EmailMessage per recipient, contents prepared beforehand) and written the same way.
The goal is at most 10 s for the app. Rounds alternate app and floor; medians are shown."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "10000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
GOAL_SECONDS = 10.0


def database(people: int) -> Path:
    """A database (cached in /tmp) whose first session has `people` registrants."""
    from big_database import already_built, registrant_row
    from sqlalchemy import insert, select, update

    from desktop_app.bootstrap import open_app
    from desktop_app.db.models import Registrant, Registration, Session
    from desktop_app.domain.demo_people import demo_people
    from desktop_app.services import demo

    path = Path(tempfile.gettempdir()) / f"webinar-desk-mail-bench-{people}.sqlite"
    if already_built(path, people):
        return path
    app = open_app(str(path))
    demo.load_demo(app.uow(), people=0)
    with app.engine.begin() as connection:
        first = connection.execute(
            select(Session.id, Session.starts_at).order_by(Session.starts_at)
        ).first()
        assert first is not None
        connection.execute(
            update(Session)
            .where(Session.id == first.id)
            .values(join_url="https://example.org/j/8675309?pwd=bench")
        )
        generated = demo_people(people, [first.starts_at], seed=11)
        connection.execute(
            insert(Registrant),
            # Everyone may be mailed: the batch is all of them.
            [registrant_row(p, first.starts_at, consent="yes") for p in generated],
        )
        ids = connection.execute(select(Registrant.id)).scalars().all()
        connection.execute(
            insert(Registration),
            [
                {
                    "registrant_id": i,
                    "session_id": first.id,
                    "approval_status": "approved",
                    "attended": False,
                    "minutes": 0,
                    "source": "benchmark",
                }
                for i in ids
            ],
        )
    app.close()
    return path


def request(session_id: int) -> object:
    from desktop_app.domain.mail_kinds import MailAddress, MailKind
    from desktop_app.services.mail_drafts import DraftRequest

    return DraftRequest(MailKind.REMINDER, session_id, MailAddress("Zoë Staff", "zoe@example.org"))


def child_app(db: str, out: str) -> None:
    """The app's service writes the batch; print seconds."""
    from desktop_app.bootstrap import open_app
    from desktop_app.services import mail_drafts

    app = open_app(db)
    started, cpu = time.perf_counter(), time.process_time()
    report = mail_drafts.write_drafts(app.uow(), request(1), Path(out))  # type: ignore[arg-type]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "drafts": report.drafts}))


def child_floor(db: str, out: str) -> None:
    """The same drafts prepared untimed, then composed by the bare email package and written."""
    import re
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage

    from desktop_app.bootstrap import open_app
    from desktop_app.io.eml_writer import Draft
    from desktop_app.services import mail_drafts

    app = open_app(db)
    captured: list[Draft] = []

    class Capture:
        """Keeps the drafts the service would compose."""

        def compose(self, draft: Draft) -> bytes:
            captured.append(draft)
            return b""

    mail_drafts.DraftComposer = Capture  # type: ignore[assignment,misc]
    plan = mail_drafts.plan_drafts(app.uow(), request(1), samples=0)  # type: ignore[arg-type]
    for _ in mail_drafts._messages(plan, plan_sender(), (), None):
        pass
    folder = Path(out)
    folder.mkdir()
    from_line = re.compile(rb"^From ", re.MULTILINE)
    stamp = b"From MAILER-DAEMON " + time.asctime(time.gmtime()).encode() + b"\n"
    started, cpu = time.perf_counter(), time.process_time()
    with (folder / "all.mbox").open("wb") as mbox:
        for n, draft in enumerate(captured, 1):
            message = EmailMessage(policy=policy.SMTP)
            message["From"] = Address(draft.sender.name, addr_spec=draft.sender.email)
            message["To"] = Address(draft.to.name, addr_spec=draft.to.email)
            message["Subject"] = draft.subject
            message["X-Unsent"] = "1"
            message.set_content(draft.text, cte="quoted-printable")
            message.add_alternative(draft.html, subtype="html", cte="quoted-printable")
            for a in draft.attachments:
                maintype, subtype = a.content_type.split("/")
                message.add_attachment(
                    a.data,
                    maintype=maintype,
                    subtype=subtype,
                    filename=a.filename,
                    params=dict(a.params),
                )
            data = message.as_bytes()
            (folder / f"{n:05d}.eml").write_bytes(data)
            mbox.write(stamp + from_line.sub(b">From ", data.replace(b"\r\n", b"\n")) + b"\n")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "drafts": len(captured)}))


def plan_sender() -> object:
    from desktop_app.domain.mail_kinds import MailAddress

    return MailAddress("Zoë Staff", "zoe@example.org")


def run(role: str, db: Path) -> dict[str, float]:
    scratch = Path(tempfile.mkdtemp(prefix="mail-bench-"))
    try:
        done = subprocess.run(
            [sys.executable, __file__, role, str(db), str(scratch / "out")],
            capture_output=True,
            text=True,
            check=True,
            cwd=HERE.parent,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    db = database(PEOPLE)
    runs: dict[str, list[dict[str, float]]] = {"app": [], "floor": []}
    for _ in range(ROUNDS):
        for role in ("app", "floor"):
            runs[role].append(run(role, db))
    assert all(r["drafts"] == PEOPLE for rs in runs.values() for r in rs), runs
    wall = {role: statistics.median(r["seconds"] for r in rs) for role, rs in runs.items()}
    cpu = {role: statistics.median(r["cpu"] for r in rs) for role, rs in runs.items()}
    print(f"{PEOPLE:,} reminder drafts (.eml each + one .mbox), median of {ROUNDS} rounds")
    print(f"  load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for role, label in (("app", "app"), ("floor", "floor (bare email package)")):
        rounds = ", ".join(f"{r['seconds']:.1f}" for r in runs[role])
        print(f"  {label}: {wall[role]:.2f} s wall, {cpu[role]:.2f} s CPU (rounds: {rounds})")
    verdict = "met" if wall["app"] <= GOAL_SECONDS else "NOT met"
    print(f"  ratio: {wall['app'] / wall['floor']:.2f} wall, {cpu['app'] / cpu['floor']:.2f} CPU")
    print(f"  goal: app at most {GOAL_SECONDS:.0f} s wall: {verdict}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] in ("app", "floor"):
        sys.path.insert(0, str(HERE.parent))
        (child_app if sys.argv[1] == "app" else child_floor)(sys.argv[2], sys.argv[3])
    else:
        main()
