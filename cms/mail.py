"""E-mail leaves through the task queue: written with the change, sent by the worker after commit.

With ``EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"`` (production) every
message Django or allauth sends becomes a job in PostgreSQL, in the same
transaction as the change that caused it: a rolled-back change sends
nothing, and a mail server that is down costs a delayed e-mail, not a 500
for the person who signed up or sent an inquiry. The worker
(``python manage.py db_worker --backend queue --queue-name email``, django-tasks'
database backend) delivers
each job through ``EMAIL_DELIVERY_BACKEND`` (SMTP in production) and, while
the mail server is unreachable, queues it again with a growing wait; jobs
wait in the database while no worker runs.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# 1, 2, 4 … minutes between tries, at most an hour: about two days before giving up.
MAX_ATTEMPTS = 40
MAX_WAIT = timedelta(hours=1)


def retry_wait(attempt: int) -> timedelta:
    return min(timedelta(minutes=2 ** (attempt - 1)), MAX_WAIT)


def message_as_data(message) -> dict:
    """What a job needs to rebuild the message (attachments are not sent by e-mail here)."""
    if message.attachments:
        raise ValueError("queued e-mail carries no attachments; link to the file instead")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


@task(backend="queue", queue_name="email")
def deliver(message: dict, attempt: int = 1) -> str:
    """Send one queued message now; when the mail server cannot be reached, queue it again."""
    try:
        _send(message)
    except (OSError, smtplib.SMTPException) as error:
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "e-mail to %s given up after %s attempts: %s", message["to"], attempt, error
            )
            raise
        wait = retry_wait(attempt)
        deliver.using(run_after=timezone.now() + wait).enqueue(message, attempt + 1)
        logger.warning("e-mail to %s not sent (%s); trying again in %s", message["to"], error, wait)
        return "retry"
    return "sent"


def _send(message: dict) -> None:
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        cc=message["cc"],
        bcc=message["bcc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False),
    )
    for content, mimetype in message["alternatives"]:
        email.attach_alternative(content, mimetype)
    email.send()


class QueuedEmailBackend(BaseEmailBackend):
    """Django's e-mail backend that queues each message as a :func:`deliver` job."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            deliver.enqueue(message_as_data(message))
        return len(email_messages)
