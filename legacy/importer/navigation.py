"""Labels, menus and site options from the ``common`` part of page files.

Every page of the old site repeats the whole chrome; the reader skips a
``common`` block already seen in this run (per language), so this runs about
once per language, whatever the number of files.
"""

from navigation.models import FooterImage, Label, Menu, MenuItem, SiteOptions


class ChromeImporter:
    def __init__(self, images, media_dir, report):
        self.images = images
        self.media_dir = media_dir
        self.report = report
        self.labels = None
        self.menus = None
        self.items = None

    def import_chrome(self, chrome, source):
        self.import_labels(chrome)
        self.import_menus(chrome)
        self.import_options(chrome, source)

    def import_labels(self, chrome):
        if self.labels is None:
            self.labels = {label.key: label for label in Label.objects.all()}
        field = f"value_{chrome.language}"
        new, changed = [], []
        for key, value in chrome.labels.items():
            label = self.labels.get(key)
            if label is None:
                label = self.labels[key] = Label(key=key, **{field: value})
                new.append(label)
            elif (getattr(label, field) or "") != value:
                setattr(label, field, value)
                changed.append(label)
        Label.objects.bulk_create(new)
        Label.objects.bulk_update(changed, [field])
        self.report.labels_changed += len(new) + len(changed)

    def import_menus(self, chrome):
        if self.items is None:
            self.menus = {menu.slug: menu for menu in Menu.objects.all()}
            self.items = {
                (item.menu_id, item.legacy_id): item
                for item in MenuItem.objects.exclude(legacy_id="")
            }
        for slug, items in chrome.menus.items():
            menu = self.menus.get(slug)
            if menu is None:
                menu = self.menus[slug] = Menu.objects.create(slug=slug)
            self.sync_items(menu, items, None, chrome.language)

    def sync_items(self, menu, items, parent, language):
        for data in items:
            desired = {
                f"name_{language}": data.name,
                f"description_{language}": data.description,
                f"url_{language}": data.url,
                "target": data.target,
                "nolink": data.nolink,
                "weight": data.weight,
                "parent_id": parent.pk if parent else None,
            }
            item = self.items.get((menu.pk, data.legacy_id))
            if item is None:
                item = MenuItem(menu=menu, legacy_id=data.legacy_id, **desired)
                item.save()
                self.items[(menu.pk, data.legacy_id)] = item
                self.report.menu_items_created += 1
            else:
                changed = [name for name, value in desired.items() if differs(item, name, value)]
                if changed:
                    for name in changed:
                        setattr(item, name, desired[name])
                    item.save(update_fields=changed)
                    self.report.menu_items_updated += 1
            self.sync_items(menu, data.children, item, language)

    def import_options(self, chrome, source):
        options = SiteOptions.load()
        language = chrome.language
        desired = {
            "contact_email": chrome.contact_email,
            f"logo_header_description_{language}": chrome.logos["header"][1],
            f"logo_footer_description_{language}": chrome.logos["footer"][1],
        }
        for field, paths in chrome.paths.items():
            for code, path in paths.items():
                desired[f"{field}_{code}"] = path
        changed = [name for name, value in desired.items() if differs(options, name, value)]
        for name in changed:
            setattr(options, name, desired[name])
        for place, (name, _) in chrome.logos.items():
            field_file = getattr(options, f"logo_{place}")
            if not name or field_file:
                continue  # keep a logo staff uploaded or an earlier run stored
            local = self.media_dir.find(name)
            if local is None:
                self.report.warn(
                    source, f"props.pageProps.query.common.options.logo{place.title()}.url",
                    f"no local file for logo {name!r}; imported without it",
                )  # fmt: skip
                continue
            self.images.copy_file(field_file, local)
            changed.append(f"logo_{place}")
        if changed:
            options.save()
        self.sync_footer_images(options, chrome, source)

    def sync_footer_images(self, options, chrome, source):
        found = []
        for ref in chrome.footer_images:
            image = self.images.get(ref, chrome.language, source)
            if image is None:
                self.report.warn(
                    source, ref.path,
                    f"no local file for footer image {ref.original_name!r}; skipped",
                )  # fmt: skip
            else:
                found.append(image)
        if not found:
            return  # nothing to show instead: keep what staff set up
        desired = [(image.pk, weight) for weight, image in enumerate(found)]
        current = list(
            options.footer_images.order_by("weight", "id").values_list("image_id", "weight")
        )
        if current != desired:
            options.footer_images.all().delete()
            FooterImage.objects.bulk_create(
                FooterImage(options=options, image_id=pk, weight=weight) for pk, weight in desired
            )
            self.report.images_attached += len(desired)


def differs(instance, name, value):
    current = getattr(instance, name)
    if current is None and isinstance(value, str):
        current = ""  # modeltranslation leaves untranslated fields NULL
    return current != value
