"""Users of the admin: staff in a group (the press office is the Communications group)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def make_staff(username, group="Communications", *, password=None):
    """A staff user in ``group`` (none when ``group`` is None); no password: no login form."""
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    if group is not None:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_superuser(username="admin", email="a@example.com"):
    """A superuser (password "pw"): every admin page, for tests of the admin rather than roles."""
    return get_user_model().objects.create_superuser(username, email, "pw")
