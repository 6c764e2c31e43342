from django.db import models


class Menu(models.Model):
    class Slug(models.TextChoices):
        MAIN = "main", "Main menu"
        SOCIAL = "social", "Social links"
        COPYRIGHT = "copyright", "Copyright (footer credits)"
        SITEMAP = "sitemap", "Sitemap"

    slug = models.CharField(max_length=30, choices=Slug.choices, unique=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.get_slug_display()


class MenuItemQuerySet(models.QuerySet):
    def tree(self, node, children="children"):
        """{menu slug: [root nodes]} in display order, in one query.

        ``node(item)`` makes a node (a dict); its children are appended to the
        list under the key ``children``. An item whose parent is missing counts as a root.
        """
        items = list(self.select_related("menu").order_by("weight", "id"))
        nodes = {item.pk: node(item) for item in items}
        roots = {}
        for item in items:
            parent = nodes.get(item.parent_id)
            if parent is not None:
                parent.setdefault(children, []).append(nodes[item.pk])
            else:
                roots.setdefault(item.menu.slug, []).append(nodes[item.pk])
        return roots


class MenuItem(models.Model):
    class Target(models.TextChoices):
        SELF = "_self", "Same tab"
        BLANK = "_blank", "New tab"

    menu = models.ForeignKey(Menu, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, related_name="children", null=True, blank=True
    )
    # Translated (see translation.py): name, description, url.
    name = models.CharField(max_length=200, blank=True)
    description = models.CharField(max_length=300, blank=True)
    url = models.CharField(
        "link",
        max_length=500,
        blank=True,
        help_text="A path on this site (/en/press-releases) or a full URL.",
    )
    target = models.CharField(max_length=10, choices=Target.choices, default=Target.SELF)
    nolink = models.BooleanField(
        "heading without link", default=False, help_text="Shown as a heading, not a link."
    )
    weight = models.IntegerField(default=0)
    legacy_id = models.CharField(
        max_length=100, blank=True, help_text="Identifier on the old site, kept for re-imports."
    )

    objects = MenuItemQuerySet.as_manager()

    class Meta:
        ordering = ["weight", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["menu", "legacy_id"],
                condition=models.Q(legacy_id__gt=""),
                name="navigation_menuitem_unique_legacy_id",
            )
        ]

    def __str__(self):
        return self.name or self.url or f"Menu item #{self.pk}"


class Label(models.Model):
    """A piece of interface text, addressed by the old site's key (``labelNext``…)."""

    key = models.CharField(max_length=100, unique=True)
    value = models.TextField(blank=True)

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.key


class SiteOptions(models.Model):
    """Site-wide settings; there is one row (see ``load``)."""

    contact_email = models.EmailField(blank=True)
    logo_header = models.FileField(upload_to="logos", blank=True)
    logo_header_description = models.CharField(max_length=200, blank=True)
    logo_footer = models.FileField(upload_to="logos", blank=True)
    logo_footer_description = models.CharField(max_length=200, blank=True)
    # Translated: per-language paths of the site's sections.
    press_path = models.CharField(max_length=200, blank=True)
    news_path = models.CharField(max_length=200, blank=True)
    what_we_do_path = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "site options"

    def __str__(self):
        return "Site options"

    @classmethod
    def load(cls):
        options, _ = cls.objects.get_or_create(pk=1)
        return options


class FooterImage(models.Model):
    options = models.ForeignKey(SiteOptions, on_delete=models.CASCADE, related_name="footer_images")
    image = models.ForeignKey("media_styles.Image", on_delete=models.CASCADE, related_name="+")
    weight = models.IntegerField(default=0)

    class Meta:
        ordering = ["weight", "id"]

    def __str__(self):
        return str(self.image)
