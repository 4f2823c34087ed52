"""The API's human-readable docs page, drawn from its OpenAPI schema so the two never disagree."""

from django.conf import settings
from django.shortcuts import render

from interviews.api.pagination import MAX_PAGE_SIZE


def _endpoints(schema: dict) -> list[dict]:
    endpoints = []
    for route, operations in schema["paths"].items():
        operation = operations["get"]
        endpoints.append(
            {
                "path": route,
                "summary": operation.get("summary", ""),
                "parameters": [
                    {
                        "name": parameter["name"],
                        "where": parameter["in"],
                        "required": parameter.get("required", False),
                        "description": parameter.get("description")
                        or parameter.get("schema", {}).get("description", ""),
                    }
                    for parameter in operation.get("parameters", [])
                ],
            }
        )
    return endpoints


def api_docs(request):
    """How to use the API, then every endpoint with its parameters."""
    from interviews.api.views import api

    schema = api.get_openapi_schema()
    return render(
        request,
        "api/index.html",
        {
            "description": schema["info"]["description"],
            "endpoints": _endpoints(schema),
            "max_page_size": MAX_PAGE_SIZE,
            "throttle_rate": settings.API_THROTTLE_RATE,
        },
    )
