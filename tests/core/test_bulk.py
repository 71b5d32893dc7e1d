"""insert_rows: large batches go through COPY on PostgreSQL, and behave like bulk_create everywhere."""

import pytest
from django.db import IntegrityError, transaction

from bench.bulk import COPY_FROM, insert_rows
from lms.accounts.models import User
from lms.core.models import Parliament

pytestmark = pytest.mark.django_db


def parliaments(count, start=0):
    return [
        Parliament(name=f"Parliament {n}", slug=f"parliament-{n}", country="PT", region=Parliament.Region.EUROPE)
        for n in range(start, start + count)
    ]


@pytest.mark.parametrize("count", [3, COPY_FROM + 1])
def test_inserts_the_rows_and_sets_their_keys(count):
    made = insert_rows(Parliament, parliaments(count))

    assert len({p.pk for p in made}) == count and all(p.pk for p in made)
    stored = dict(Parliament.objects.values_list("pk", "slug"))
    assert {p.pk: p.slug for p in made} == stored
    assert not made[0]._state.adding


def test_rows_pointing_at_rows_just_inserted_keep_the_link():
    homes = insert_rows(Parliament, parliaments(COPY_FROM))
    users = insert_rows(User, [User(email=f"u{n}@example.org", parliament=home) for n, home in enumerate(homes)])

    assert User.objects.get(pk=users[-1].pk).parliament_id == homes[-1].pk
    assert User.objects.filter(parliament__in=homes).count() == COPY_FROM


def test_a_duplicate_is_django_s_integrity_error():
    insert_rows(Parliament, parliaments(1))

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Parliament, parliaments(COPY_FROM))
