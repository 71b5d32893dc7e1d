"""Hosts draft and submit; the hub's reviewers or an administrator approve, which publishes."""

import pytest

from courses.models import CoursePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(hub_a, host_a):
    course = CoursePage(title="Parliamentary cybersecurity", slug="cybersecurity", summary="Stay safe.", live=False)
    hub_a.add_child(instance=course)
    course.save_revision(user=host_a)
    return course


def test_hosts_edit_their_hub_but_only_reviewers_publish(draft, host_a, host_b, reviewer_a, administrator):
    assert draft.permissions_for_user(host_a).can_edit()
    assert not draft.permissions_for_user(host_a).can_publish()
    assert not draft.permissions_for_user(host_b).can_edit()
    assert draft.permissions_for_user(reviewer_a).can_publish()
    assert draft.permissions_for_user(administrator).can_publish()


@pytest.mark.parametrize("approver", ["reviewer_a", "administrator"])
def test_a_submitted_course_is_published_when_approved(draft, host_a, host_b, approver, request):
    workflow = draft.get_workflow()
    assert workflow.name == "Moderation of ICT Governance hub"
    state = workflow.start(draft, host_a)
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(draft, host_a) == []
    assert task.get_actions(draft, host_b) == []
    user = request.getfixturevalue(approver)
    assert "approve" in [action[0] for action in task.get_actions(draft, user)]
    task.on_action(task_state, user, "approve")
    draft.refresh_from_db()
    assert draft.live
    state.refresh_from_db()
    assert state.status == state.STATUS_APPROVED


def test_a_reviewer_of_hub_a_cannot_approve_hub_b(hub_b, reviewer_a, host_b):
    course = CoursePage(title="E-voting", slug="e-voting", summary="Votes.", live=False)
    hub_b.add_child(instance=course)
    course.save_revision(user=host_b)
    state = course.get_workflow().start(course, host_b)
    assert state.current_task_state.task.specific.get_actions(course, reviewer_a) == []
