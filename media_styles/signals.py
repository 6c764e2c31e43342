import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import variants
from .models import Image

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Image)
def generate_variants(sender, instance, raw=False, update_fields=None, **kwargs):
    """Variants are made when the image is saved, never during a visitor's request."""
    if raw:  # loaddata: fixtures carry their own variants
        return
    if update_fields and "variants" in update_fields:  # sent by variants.generate()
        return
    source = instance.take_prepared_source()
    if source is not None:
        variants.generate(instance, source)
    elif not variants.is_current(instance):
        # An edit (focal point, or specs changed since): regenerate from storage.
        # A missing or unreadable stored file must not make the edit fail;
        # `warm_variants` reports it.
        try:
            variants.generate(instance)
        except (OSError, ValidationError) as error:
            logger.warning("Variants of image %s not regenerated: %s", instance.pk, error)


@receiver(post_delete, sender=Image)
def delete_variant_files(sender, instance, **kwargs):
    image_id = instance.pk
    # After commit: a rolled-back delete keeps its image, so it keeps its files.
    transaction.on_commit(lambda: variants.delete_files(image_id))
