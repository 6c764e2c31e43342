"""The "Communications" group: everything a press office edits, nothing about accounts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Communications"
# app label -> {model: actions}. Users, groups and permissions are left out on purpose.
EDIT = ("add", "change", "delete", "view")
PERMISSIONS = {
    "press": {"pressrelease": (*EDIT, "publish"), "redirect": EDIT, "activity": ("view",)},
    "media_styles": {"image": EDIT},
    "navigation": {
        "menu": EDIT,
        "menuitem": EDIT,
        "label": EDIT,
        "siteoptions": EDIT,
        "footerimage": EDIT,
    },
}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
        for app_label, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("media_styles", "0002_image_variants"),
        ("navigation", "0002_seed_labels"),
        ("press", "0003_workflow_statuses_and_redirects"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
