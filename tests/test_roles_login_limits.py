"""Admin login brute force: failures per username and per IP are counted in the cache."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase, override_settings

LOGIN = "/admin/login/"


@override_settings(LOGIN_FAILURES_PER_USERNAME=3, LOGIN_FAILURES_PER_IP=5)
class LoginRateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        get_user_model().objects.create_user("editor", password="right-password", is_staff=True)

    def attempt(self, username="editor", password="wrong", ip="10.0.0.1", **headers):  # noqa: S107
        return self.client.post(
            LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers
        )

    def test_username_locked_after_its_limit_even_with_the_right_password(self):
        for _ in range(3):
            self.assertEqual(self.attempt().status_code, 200)  # the form again, with its error
        response = self.attempt(password="right-password")
        self.assertEqual(response.status_code, 429)
        self.assertIn("Too many failed log-in attempts", response.content.decode())
        self.assertEqual(response["Retry-After"], "900")
        # From another address too: the username itself is protected.
        self.assertEqual(self.attempt(password="right-password", ip="10.0.0.2").status_code, 429)

    def test_username_match_ignores_case_and_spaces(self):
        for _ in range(3):
            self.attempt(username="Editor ")
        self.assertEqual(self.attempt(password="right-password").status_code, 429)

    def test_ip_locked_after_its_limit_across_usernames(self):
        for number in range(5):
            self.attempt(username=f"guess{number}")
        self.assertEqual(self.attempt(password="right-password").status_code, 429)
        self.assertEqual(self.attempt(password="right-password", ip="10.0.0.9").status_code, 302)

    def test_success_clears_the_username_count(self):
        self.attempt()
        self.attempt()
        self.assertEqual(self.attempt(password="right-password").status_code, 302)
        self.client.logout()
        self.attempt()
        self.attempt()
        self.assertEqual(self.attempt(password="right-password").status_code, 302)

    def test_lockout_ends_when_the_window_expires(self):
        for _ in range(3):
            self.attempt()
        cache.clear()  # what the counters' expiry does after LOGIN_LOCKOUT_SECONDS
        self.assertEqual(self.attempt(password="right-password").status_code, 302)

    def test_forwarded_for_is_ignored_unless_proxies_are_trusted(self):
        for number in range(5):
            self.attempt(username=f"g{number}", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        self.assertEqual(self.attempt(password="right-password").status_code, 429)

    @override_settings(LOGIN_TRUSTED_PROXY_COUNT=1)
    def test_behind_a_trusted_proxy_the_client_address_counts(self):
        for number in range(5):
            self.attempt(username=f"g{number}", HTTP_X_FORWARDED_FOR="192.0.2.7")
        self.assertEqual(
            self.attempt(password="right-password", HTTP_X_FORWARDED_FOR="192.0.2.8").status_code,
            302,
        )

    def test_get_of_the_login_page_is_never_limited(self):
        for number in range(5):
            self.attempt(username=f"g{number}")
        self.assertEqual(self.client.get(LOGIN, REMOTE_ADDR="10.0.0.1").status_code, 200)
