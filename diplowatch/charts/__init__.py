"""Charts to publish: the timeline card (history.py reads it, timeline.py draws it), the world
map (worldmap.py), their shared layout (layout.py), and the cache that renders them off the
event loop (cache.py)."""

from .history import Point, Timeline, TimelineData, timeline_data, timeline_points
from .timeline import timeline_figure, timeline_png
from .worldmap import MapData, map_data, map_figure, map_png

__all__ = ["MapData", "Point", "Timeline", "TimelineData", "map_data", "map_figure", "map_png",
           "timeline_data", "timeline_figure", "timeline_png", "timeline_points"]
