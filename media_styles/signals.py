from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import jobs, variants
from .models import Image


@receiver(post_save, sender=Image)
def schedule_variants(sender, instance, raw=False, update_fields=None, **kwargs):
    """Variants are made after commit by a job, never during a visitor's request."""
    if raw:  # loaddata: fixtures carry their own variants
        return
    if update_fields and "variants" in update_fields:  # recorded by the job itself
        return
    source = instance.take_prepared_source()
    if instance.variants_status == Image.WAITING and instance.file:
        jobs.schedule(instance, source)


@receiver(post_delete, sender=Image)
def delete_variant_files(sender, instance, **kwargs):
    image_id = instance.pk
    # After commit: a rolled-back delete keeps its image, so it keeps its files.
    transaction.on_commit(lambda: variants.delete_files(image_id))
