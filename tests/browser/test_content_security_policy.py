import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def csp_violations(page):
    """What the browser refused to run or load because of the content security policy."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def test_public_pages_run_under_the_policy_with_nothing_refused(
    live_server, page, seeded_archive, csp_violations
):
    speaker = seeded_archive.appearances.first().speaker
    for path in (
        "/",
        "/search/?q=ghanima",
        seeded_archive.get_absolute_url(),
        speaker.get_absolute_url(),
        "/api/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        # The stylesheet applied: a policy that blocked it would leave the page unstyled.
        assert page.evaluate("document.styleSheets.length") >= 1

    assert csp_violations == []


def test_the_api_explorer_works_under_the_policy(live_server, page, csp_violations):
    page.goto(f"{live_server.url}/api/docs/")

    page.get_by_text("/api/segments/").first.wait_for()
    assert csp_violations == []


def test_the_admin_works_under_the_policy(live_server, page, admin_user, csp_violations):
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Topics").first.click()
    page.get_by_role("link", name="Add topic").click()

    page.get_by_label("Name").press_sequentially("A new topic")

    expect(page.get_by_label("Slug")).to_have_value("a-new-topic")  # the admin's script ran
    assert csp_violations == []
