"""LRS clients and scopes, the authority set from the credential, and the command that creates clients."""

import base64
import json

import pytest
from django.core.management import CommandError, call_command

from lms.xapi.models import LRSClient, Statement

from .conftest import LRS, basic, statement

pytestmark = pytest.mark.django_db

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
STATE = {"activityId": "http://example.org/a", "agent": json.dumps({"mbox": "mailto:ana@example.org"}), "stateId": "s"}


def test_write_scope_alone_cannot_read(lrs_for):
    writer = lrs_for("statements/write")
    assert writer.post("statements", statement()).status_code == 200
    assert writer.get("statements").status_code == 403
    assert writer.put("activities/state", STATE, {}).status_code == 403


def test_read_mine_sees_only_what_its_credential_wrote(lrs_for):
    mine, other = lrs_for("statements/write", "statements/read/mine"), lrs_for("statements/write", name="other")
    [my_id] = mine.post("statements", statement()).json()
    [other_id] = other.post("statements", statement()).json()
    assert [s["id"] for s in mine.get("statements").json()["statements"]] == [my_id]
    assert mine.get("statements", {"statementId": other_id}).status_code == 404
    reader = lrs_for("statements/read")
    assert len(reader.get("statements").json()["statements"]) == 2
    assert reader.post("statements", statement()).status_code == 403


def test_all_read_reads_everything_and_writes_nothing(lrs_for):
    reader = lrs_for("all/read")
    assert reader.get("statements").status_code == 200
    assert reader.get("activities/state", STATE).status_code == 404
    assert reader.put("activities/state", STATE, {}).status_code == 403


def test_state_and_profile_scopes(lrs_for):
    state = lrs_for("state")
    assert state.put("activities/state", STATE, {}).status_code == 204
    params = {"activityId": "http://example.org/a", "profileId": "p"}
    assert state.put("activities/profile", params, {}).status_code == 403
    assert lrs_for("profile").put("activities/profile", params, {}, HTTP_IF_NONE_MATCH="*").status_code == 204


def test_the_authority_comes_from_the_credential_not_the_statement(lrs):
    forged = {"objectType": "Agent", "mbox": "mailto:boss@example.org"}
    [statement_id] = lrs.post("statements", statement(authority=forged)).json()
    stored = lrs.get("statements", {"statementId": statement_id}).json()
    assert stored["authority"]["name"] == "tester"
    assert stored["authority"]["account"]["name"] == LRSClient.objects.get().key


def test_an_inactive_client_is_refused(db):
    client = LRSClient(name="old", scopes=["all"])
    secret = client.set_new_secret()
    client.is_active = False
    client.save()
    assert LRS(basic(client.key, secret)).get("statements").status_code == 401


def test_only_a_define_client_updates_activity_definitions(lrs_for):
    first = statement()
    changed = statement(object={**first["object"], "definition": {"name": {"en-US": "Renamed"}}})
    lrs_for("statements/write").post("statements", first)
    lrs_for("statements/write", name="plain").post("statements", changed)
    reader = lrs_for("all/read")
    name = reader.get("activities", {"activityId": first["object"]["id"]}).json()["definition"]["name"]
    assert name == {"en-US": "Open data"}
    lrs_for("statements/write", "define").post("statements", changed)
    name = reader.get("activities", {"activityId": first["object"]["id"]}).json()["definition"]["name"]
    assert name == {"en-US": "Renamed"}


def test_lrs_client_command_prints_key_and_secret_on_its_last_line(capsys):
    call_command("lrs_client", "create", "H5P", "--scope", "statements/write", "--scope", "state")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    key, secret = last.split(" ")
    client = LRSClient.objects.get(name="H5P")
    assert client.key == key and client.check_secret(secret)
    assert client.scopes == ["state", "statements/write"]
    auth = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    assert LRS(auth).post("statements", statement()).status_code == 200
    with pytest.raises(CommandError):
        call_command("lrs_client", "create", "H5P")


def test_a_new_secret_is_hexadecimal_so_no_command_line_takes_it_for_an_option():
    client = LRSClient(name="Tools")
    secrets = {client.set_new_secret() for _ in range(200)}  # base64 began with "-" once in 64
    assert len(secrets) == 200
    assert all(len(secret) == 64 and set(secret) <= set("0123456789abcdef") for secret in secrets)


def test_lrs_client_command_list_and_deactivate(capsys):
    call_command("lrs_client", "create", "Reports", "--scope", "all/read")
    call_command("lrs_client", "list")
    assert "Reports" in capsys.readouterr().out
    call_command("lrs_client", "deactivate", "Reports")
    assert not LRSClient.objects.get(name="Reports").is_active
    with pytest.raises(CommandError):
        call_command("lrs_client", "deactivate", "Nobody")


def test_lrs_client_command_refuses_an_unknown_scope():
    with pytest.raises(CommandError):
        call_command("lrs_client", "create", "X", "--scope", "everything")


def test_a_client_voids_only_the_statements_it_wrote(lrs_for):
    first, second = lrs_for("statements/write", name="first"), lrs_for("statements/write", name="second")
    [target] = first.post("statements", statement()).json()
    voiding = statement(verb={"id": VOIDED}, object={"objectType": "StatementRef", "id": target})
    refused = second.post("statements", voiding)
    assert refused.status_code == 403 and "void" in refused.json()["message"]
    assert not Statement.objects.get(statement_id=target).voided
    assert first.post("statements", voiding).status_code == 200
    assert Statement.objects.get(statement_id=target).voided


@pytest.mark.parametrize(
    "authorization",
    [
        "Basic \u00e9t\u00e9",
        "Basic " + "ü" * 8,
        "Basic " + base64.b64encode(b"k\x00ey:secret").decode(),
        "Bearer \u00e9",
    ],
)
def test_odd_bytes_in_the_authorization_header_are_a_401(lrs, authorization):
    response = LRS(authorization).get("statements")
    assert response.status_code == 401
    assert response["X-Experience-API-Version"]
