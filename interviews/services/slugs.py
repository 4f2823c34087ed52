from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 200) -> str:
    """A slug for `text` that no row of `model` uses yet (-2, -3... appended on a clash)."""
    base = slugify(text)[: max_length - 10].strip("-") or "untitled"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
