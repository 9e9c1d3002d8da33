"""The search index of the demo: built last, once every module has added its part."""

from passerelle.core.demo import DemoContext, register_demo_step

from . import services
from .progress import progress_line


@register_demo_step("search: the index of everything", last=True)
def index_everything(context: DemoContext) -> None:
    services.reindex_all(progress=progress_line())
