"""The fetch URL (cmi5 8.2): one POST from the AU gives it its auth token."""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .auth import fetch_token

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Cache-Control": "no-store",
}


@csrf_exempt
def fetch(request, fetch_key):
    """POST: ``{"auth-token": ...}`` the first time, ``{"error-code": ...}`` after (always 200, as 8.2.3 says)."""
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
    elif request.method != "POST":
        response = JsonResponse({"error-code": "3", "error-text": "POST to the fetch URL"}, status=405)
        response["Allow"] = "POST, OPTIONS"
    else:
        response = JsonResponse(fetch_token(fetch_key))
    for name, value in CORS.items():
        response[name] = value
    return response
