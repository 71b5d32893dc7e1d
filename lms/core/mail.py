"""What every email the platform sends needs, whoever wrote the text that goes into it."""

MAX_SUBJECT_LENGTH = 200


def email_subject(text):
    """``text`` on one line, fit for a Subject header.

    Subjects quote what visitors typed (a showcase title, an organisation's name): a CR or LF in them would
    make Django refuse the header (``BadHeaderError``) and the task fail on every retry. Every run of
    whitespace, line and paragraph separators included, becomes one space, and an overlong subject is cut.
    """
    subject = " ".join(str(text).split())
    if len(subject) > MAX_SUBJECT_LENGTH:
        subject = subject[: MAX_SUBJECT_LENGTH - 1].rstrip() + "…"
    return subject
