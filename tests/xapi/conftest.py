"""Fixtures of the LRS tests: clients with credentials, and statements to send."""

import base64
import json
import uuid

import pytest
from django.test import Client

from lms.xapi import api
from lms.xapi.models import LRSClient, Statement

VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


def basic(key, secret):
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


class LRS:
    """A Django test client speaking to /xapi/ with one credential."""

    def __init__(self, authorization=None, version="1.0.3"):
        self.client = Client()
        self.headers = {}
        if authorization:
            self.headers["HTTP_AUTHORIZATION"] = authorization
        if version:
            self.headers["HTTP_X_EXPERIENCE_API_VERSION"] = version

    def request(self, method, resource, params=None, body=None, content_type="application/json", **headers):
        from urllib.parse import urlencode

        url = f"/xapi/{resource}" + (f"?{urlencode(params)}" if params else "")
        if body is not None and not isinstance(body, bytes | str):
            body = json.dumps(body)
        call = getattr(self.client, method.lower())
        kwargs = {**self.headers, **headers}
        if method.upper() in ("GET", "HEAD"):
            return call(url, **kwargs)
        return call(url, data=body if body is not None else b"", content_type=content_type, **kwargs)

    def post(self, resource, *args, **kwargs):
        """post(resource, body) or post(resource, params, body)."""
        params, body = (None, args[0]) if len(args) == 1 else args
        return self.request("POST", resource, params=params, body=body, **kwargs)

    def put(self, resource, params, body, **kwargs):
        return self.request("PUT", resource, params=params, body=body, **kwargs)

    def get(self, resource, params=None, **kwargs):
        return self.request("GET", resource, params=params, **kwargs)

    def delete(self, resource, params=None, **kwargs):
        return self.request("DELETE", resource, params=params, **kwargs)


def make_client(name="tester", scopes=("all",)):
    client = LRSClient(name=name, scopes=list(scopes))
    secret = client.set_new_secret()
    client.save()
    return client, secret


@pytest.fixture
def lrs(db):
    """An LRS client with every scope."""
    client, secret = make_client()
    return LRS(basic(client.key, secret))


@pytest.fixture
def lrs_for(db):
    """A factory of LRS test clients with the given scopes."""

    def factory(*scopes, name=None):
        client, secret = make_client(name or "-".join(scopes) or "none", scopes)
        return LRS(basic(client.key, secret))

    return factory


def statement(**overrides):
    """A valid statement; keyword arguments replace top-level properties."""
    body = {
        "actor": {"objectType": "Agent", "name": "Ana", "mbox": "mailto:ana@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "experienced"}},
        "object": {
            "objectType": "Activity",
            "id": "http://example.org/activities/open-data",
            "definition": {"name": {"en-US": "Open data"}, "type": "http://adlnet.gov/expapi/activities/lesson"},
        },
    }
    body.update(overrides)
    return body


def new_id():
    return str(uuid.uuid4())


def recorded(*args, **kwargs):
    """``api.record(...)``, and the row of the statement it stored."""
    return Statement.objects.get(statement_id=api.record(*args, **kwargs))
