"""Where media live (uploads, image variants, downloads) and who makes the variants.

Without AWS_STORAGE_BUCKET_NAME: MEDIA_ROOT on the local file system (``make run``).
With it: an S3-compatible bucket through django-storages, configured by the
standard variables (README, "Production"); boto3 reads the credentials
(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) from the environment itself.
"""

import environ

env = environ.Env()

MEDIA_URL = "/media/"
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE_BACKEND = "media_styles.storage.MediaStorage"
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)  # any S3-compatible service
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)  # the CDN's host name
    # Public, cacheable URLs; an upload never replaces another file of the same name.
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    # An absolute MEDIA_URL (https://cdn.example.com/media/) prefixes every media
    # URL instead of the custom domain or the bucket's own address.
    MEDIA_URL = env("MEDIA_URL", default=MEDIA_URL)
else:
    MEDIA_STORAGE_BACKEND = "django.core.files.storage.FileSystemStorage"

# Variants are made by a django-rq job on the site's Redis (`manage.py rqworker
# default --with-scheduler`); without REDIS_URL the job runs inline after commit,
# so `make run` needs no worker. MEDIA_JOBS_QUEUED=0 forces inline.
_REDIS_URL = env("REDIS_URL", default="")
MEDIA_JOBS_QUEUED = env.bool("MEDIA_JOBS_QUEUED", default=bool(_REDIS_URL))
# Jobs start once the saving transaction commits (the worker must find the row).
MEDIA_JOBS_AFTER_COMMIT = True
RQ_QUEUES = {
    "default": {"URL": _REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600},
}
